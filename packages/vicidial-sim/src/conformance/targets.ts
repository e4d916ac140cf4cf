import type { VicidialApi } from '../api/api.js';
import type { Answer } from './replay.js';
import type { RecordedCall } from './recording.js';

/** Ways to send a recorded call to an embedded VICIdial: in process, or over real HTTP. */

export const API_PATH = '/vicidial/non_agent_api.php';

const urlOf = (call: RecordedCall) => (call.query === '' ? API_PATH : `${API_PATH}?${call.query}`);
const headersOf = (call: RecordedCall): Record<string, string> =>
  call.contentType ? { 'content-type': call.contentType } : {};

export function inProcess(api: VicidialApi, remoteIp = '127.0.0.1') {
  return (call: RecordedCall): Promise<Answer> =>
    api({ method: call.method, url: urlOf(call), headers: headersOf(call), body: call.body, remoteIp });
}

/** `baseUrl` like http://127.0.0.1:8123 */
export function overHttp(baseUrl: string) {
  return async (call: RecordedCall): Promise<Answer> => {
    const response = await fetch(`${baseUrl}${urlOf(call)}`, {
      method: call.method,
      headers: headersOf(call),
      body: call.method === 'POST' ? call.body : undefined,
    });
    return {
      status: response.status,
      body: await response.text(),
      contentType: response.headers.get('content-type') ?? '',
    };
  };
}
