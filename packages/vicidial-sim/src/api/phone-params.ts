import type { HandlerContext } from './context.js';
import { filterParam } from './filters.js';

/** A parameter as VICIdial works with it: URL-decoded (by the dispatcher), then filtered. */
export const readParam = (ctx: HandlerContext, name: string): string => filterParam(name, ctx.param(name));
