// Adds up the vitest and Playwright JSON reports into the closing lines CI reads: the failed tests by
// name (CI keeps only the end of the output, where the runners' own failure reports have scrolled away),
// then one count line.
import { existsSync, readFileSync } from 'node:fs';

const [vitestFile, playwrightFile] = process.argv.slice(2);
const read = (file) => (file && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);
const firstLine = (message = '') => message.split('\n').find((line) => line.trim() !== '')?.trim().slice(0, 300) ?? '';

let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];

const vitest = read(vitestFile);
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + vitest.numTodoTests;
  for (const file of vitest.testResults) {
    const failedTests = file.assertionResults.filter((test) => test.status === 'failed');
    for (const test of failedTests) failures.push(`${file.name}: ${test.fullName}\n      ${firstLine(test.failureMessages?.[0])}`);
    // A file that failed to load has no failed test of its own, only its message.
    if (file.status === 'failed' && failedTests.length === 0) failures.push(`${file.name}: ${firstLine(file.message)}`);
  }
} else {
  failed += 1; // a runner that wrote no report did not run
  failures.push('vitest wrote no report');
}

const playwright = read(playwrightFile);
if (playwright) {
  passed += playwright.stats.expected + playwright.stats.flaky;
  failed += playwright.stats.unexpected;
  skipped += playwright.stats.skipped;
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        if (test.status !== 'unexpected') continue;
        const error = test.results.at(-1)?.error?.message;
        failures.push(`${spec.file}:${spec.line}: ${[...titles, spec.title].join(' › ')}\n      ${firstLine(error)}`);
      }
    }
    for (const child of suite.suites ?? []) walk(child, suite.title && !suite.title.endsWith('.ts') ? [...titles, suite.title] : titles);
  };
  for (const suite of playwright.suites ?? []) walk(suite, []);
  if (playwright.stats.flaky > 0) console.log(`\nflaky: ${playwright.stats.flaky} end-to-end test(s) passed only on their retry; see the list above`);
} else {
  failed += 1;
  failures.push('Playwright wrote no report');
}

if (failures.length > 0) console.log(`\nfailed:\n${failures.map((line) => `  - ${line}`).join('\n')}`);
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
