// `npm run bench:spa`: the SPA's performance targets (issue 4), each figure next to its target.
// The initial JavaScript of the built app, then the DID list page in headless Chromium against the
// product on MariaDB with the `scale` seed (stack.ts), the BFF serving the built SPA.
// CHROMIUM_PATH picks the browser (default: Debian's /usr/bin/chromium).
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { didListInBrowser } from './spa-did-list.js';
import { initialJavaScript } from './spa-initial-js.js';
import { startStack, SUPERVISOR } from './stack.js';

const webDist = fileURLToPath(new URL('../../apps/web/dist', import.meta.url));
if (!existsSync(`${webDist}/index.html`)) throw new Error(`no built SPA in ${webDist}: run \`npm run build\` first`);

console.log('SPA benchmarks (the built app; DID list on MariaDB with the scale seed: 50,000 DIDs)');
// Browser, BFF, VICIdial and MariaDB share this machine: its load at the start explains slow runs.
console.log(`        load average ${loadavg().map((load) => load.toFixed(2)).join(' ')} on ${availableParallelism()} cores`);
let met = await initialJavaScript(webDist);

// The BFF takes its configuration from the environment the stack passes on: it serves the built SPA.
process.env.WEB_DIST_DIR = webDist;
const stack = await startStack();
try {
  met = (await didListInBrowser(stack.dashboardUrl, SUPERVISOR, process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) && met;
} finally {
  await stack.stop();
}
process.exitCode = met ? 0 : 1;
