// `npm run bench`: the performance targets of the issues, each figure printed next to its target.
// Runs the whole product on MariaDB with the `scale` seed (see stack.ts). Not part of `npm test`.
// BENCH=lists (or writes, bulk, imports; comma-separated) runs only those; writes includes the per-record lock's cost.
import { bulkReroute } from './bulk.js';
import { importBenchmarks } from './imports.js';
import { listLoad } from './lists.js';
import { lockCost } from './record-locks.js';
import { login } from './session.js';
import { startStack, SUPERVISOR } from './stack.js';
import { writeOverhead } from './write-overhead.js';

const only = process.env.BENCH?.split(',');
const wanted = (name: string) => !only || only.includes(name);

const stack = await startStack();
let met = true;
try {
  const session = await login(stack.dashboardUrl, SUPERVISOR.username, SUPERVISOR.password);
  console.log('BFF benchmarks (MariaDB, scale seed: 20,000 phones, 50,000 DIDs, 5,000 aliases)');
  if (wanted('writes')) {
    met = (await writeOverhead(stack, session)) && met;
    met = (await lockCost(stack)) && met;
  }
  if (wanted('lists')) met = (await listLoad(stack, session)) && met;
  if (wanted('bulk')) met = (await bulkReroute(stack, session)) && met;
  if (wanted('imports')) met = (await importBenchmarks(stack, session)) && met;
} finally {
  await stack.stop();
}
process.exitCode = met ? 0 : 1;
