/** One HTTP request to `non_agent_api.php`, as the in-process API receives it. */
export interface ApiRequest {
  method: string;
  /** Path and query string, e.g. `/vicidial/non_agent_api.php?function=version`. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body?: string | Uint8Array;
  /** REMOTE_ADDR: what VICIdial logs as the caller's address. */
  remoteIp: string;
}

/** The request's parameters as PHP sees them: a GET parameter wins over the same POST field. */
export interface RequestParams {
  get(name: string): string | undefined;
}

/** Text to bytes without losing raw UTF-8 that Node hands over as latin1 characters. */
const toBytes = (text: string): Buffer => Buffer.from(text, /^[\0-\xff]*$/.test(text) ? 'latin1' : 'utf8');

/** PHP's urldecode: '+' is a space, %XX a byte; a '%' not followed by two hex digits stays as it is. */
export function urlDecode(bytes: Buffer): string {
  const out = Buffer.alloc(bytes.length);
  let length = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    const hex = bytes.subarray(i + 1, i + 3).toString('latin1');
    if (b === 0x25 && /^[0-9a-fA-F]{2}$/.test(hex)) {
      out[length++] = Number.parseInt(hex, 16);
      i += 2;
    } else out[length++] = b === 0x2b ? 0x20 : b;
  }
  return out.subarray(0, length).toString('utf8');
}

/**
 * Parses `a=1&b=2` the way PHP fills $_GET/$_POST: later duplicates win, a name without '=' gets '',
 * leading spaces of a name are dropped and ' ' or '.' in it become '_'. A name with [brackets] would
 * be an array in PHP; VICIdial never reads arrays, so such names are left out.
 */
export function parseFormEncoded(bytes: Buffer): Map<string, string> {
  const params = new Map<string, string>();
  let start = 0;
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x26, start);
    if (end < 0) end = bytes.length;
    const pair = bytes.subarray(start, end);
    start = end + 1;
    const eq = pair.indexOf(0x3d);
    const name = urlDecode(eq < 0 ? pair : pair.subarray(0, eq))
      .replace(/^ +/, '')
      .replace(/[ .]/g, '_');
    if (name === '' || /\[.*\]/.test(name)) continue;
    params.set(name, eq < 0 ? '' : urlDecode(pair.subarray(eq + 1)));
  }
  return params;
}

function header(request: ApiRequest, name: string): string {
  const value = Object.entries(request.headers).find(([key]) => key.toLowerCase() === name)?.[1];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}

/** PHP fills $_POST only for a form-encoded POST body; a JSON body is ignored. */
function postFields(request: ApiRequest): Map<string, string> {
  const isForm = /^application\/x-www-form-urlencoded\b/i.test(header(request, 'content-type').trim());
  if (request.method.toUpperCase() !== 'POST' || !isForm || request.body === undefined) return new Map();
  const body = typeof request.body === 'string' ? Buffer.from(request.body, 'utf8') : Buffer.from(request.body);
  return parseFormEncoded(body);
}

export function requestParams(request: ApiRequest): RequestParams {
  const queryAt = request.url.indexOf('?');
  const query = queryAt < 0 ? new Map<string, string>() : parseFormEncoded(toBytes(request.url.slice(queryAt + 1)));
  const post = postFields(request);
  return { get: (name) => query.get(name) ?? post.get(name) };
}

/**
 * The URL VICIdial writes to vicidial_api_urls: the page, then the query string, with the POST fields
 * (decoded, quotes, backslashes and semicolons removed) appended after `GET-AND-POST=Y` when there is
 * a query string too, or in its place when there is none. The password is in it, in clear text.
 */
export function loggedUrl(request: ApiRequest): string {
  const queryAt = request.url.indexOf('?');
  const query = queryAt < 0 ? '' : request.url.slice(queryAt + 1);
  const page = queryAt < 0 ? request.url : request.url.slice(0, queryAt);
  const post = [...postFields(request)].map(([name, value]) => `${name}=${value}`).join('&').replace(/['"\\;]/g, '');
  const logged = post.length <= 2 ? query : query === '' ? post : `${query}&GET-AND-POST=Y&${post}`;
  return `http://${header(request, 'host').replace(/:80$/, '')}${page}?${logged}`;
}
