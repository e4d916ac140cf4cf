import type { ApiReply } from './reply.js';

/**
 * The phone and alias functions check in a fixed order and stop at the first failure. A check that
 * fails throws its answer with `refuse`; `answer` turns it back into the reply, so each handler
 * reads as the straight list of VICIdial's checks.
 */
class Refusal {
  constructor(readonly reply: ApiReply) {}
}

export function refuse(reply: ApiReply): never {
  throw new Refusal(reply);
}

export async function answer(run: () => Promise<ApiReply>): Promise<ApiReply> {
  try {
    return await run();
  } catch (thrown) {
    if (thrown instanceof Refusal) return thrown.reply;
    throw thrown;
  }
}
