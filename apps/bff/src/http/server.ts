import { createServer, IncomingMessage, type Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Express } from 'express';

/**
 * The HTTP server of an Express app, whose requests and responses are made with the app's own
 * prototypes from the start. Left to itself, Express swaps the prototype of both on every request
 * (Object.setPrototypeOf), which V8 makes dear: measured on a bare Express app at 50 connections,
 * 8,300 requests/s, p95 18 ms, and ~4 MB of every request's objects kept through each young
 * garbage collection (6-16 ms pauses); with the prototypes set here, 22,000 requests/s, p95 6 ms,
 * nothing kept, pauses under a millisecond (docs/decisions/0013). Express still sets them, to the
 * same prototype: a no-op. Node's `IncomingMessage` and `ServerResponse` options exist for this.
 */
export function createExpressServer(app: Express): Server {
  function AppRequest(this: IncomingMessage, socket: Socket) {
    Reflect.apply(IncomingMessage, this, [socket]);
  }
  AppRequest.prototype = app.request;
  function AppResponse(this: ServerResponse, req: IncomingMessage, options: object) {
    Reflect.apply(ServerResponse, this, [req, options]);
  }
  AppResponse.prototype = app.response;
  return createServer(
    { IncomingMessage: AppRequest as unknown as typeof IncomingMessage, ServerResponse: AppResponse as unknown as typeof ServerResponse },
    app,
  );
}
