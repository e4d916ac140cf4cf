/** An answer of the Non-Agent API: status and the exact body bytes. */
export interface ApiReply {
  status: number;
  body: string;
}

const line = (text: string): ApiReply => ({ status: 200, body: `${text}\n` });

/** `SUCCESS: <fn> <MESSAGE> - <user>|<data>` */
export const success = (fn: string, message: string, user: string, data: string): ApiReply =>
  line(`SUCCESS: ${fn} ${message} - ${user}|${data}`);

/** `ERROR: <fn> <MESSAGE>: |<user>|<data>` */
export const error = (fn: string, message: string, user: string, data: string): ApiReply =>
  line(`ERROR: ${fn} ${message}: |${user}|${data}`);

/** `NOTICE: <fn> <MESSAGE>: |<user>|<data>` */
export const notice = (fn: string, message: string, user: string, data: string): ApiReply =>
  line(`NOTICE: ${fn} ${message}: |${user}|${data}`);

/** Several lines in one answer (copy_did prints a NOTICE per new DID, then a summary). */
export const lines = (...replies: ApiReply[]): ApiReply => ({
  status: 200,
  body: replies.map((r) => r.body).join(''),
});
