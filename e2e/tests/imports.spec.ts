import { readFile } from 'node:fs/promises';
import { expect, test } from '../support/fixtures.js';
import { checkPage } from '../support/pages.js';

// The CSV round trip of a helpdesk person: export the DIDs a search finds, change the file as a
// spreadsheet would, preview what it does, apply it with its progress, download the row that failed,
// and revert the import.

const SEARCH = '+4420794601';

test('export → edit the file → preview → apply with progress → error report → revert', async ({ page, loginAs }) => {
  await loginAs('helpdesk', `/dids?search=${encodeURIComponent(SEARCH)}`);
  const exportLink = page.getByRole('link', { name: /^Export \d+ rows?$/ });
  const [exported] = await Promise.all([page.waitForEvent('download'), exportLink.click()]);
  const lines = (await readFile((await exported.path()) ?? '', 'utf8')).replace(/^\uFEFF/, '').trimEnd().split(/\r?\n/);
  expect(lines[0]).toMatch(/^DID ID,DID pattern,Description,/);
  expect(lines.length).toBeGreaterThanOrEqual(3);

  // Row 1: a new description; row 2: a description VICIdial would refuse; the rest as exported.
  const stamp = `Imported ${Date.now() % 1_000_000}`;
  const edited = lines.map((line, at) => {
    if (at === 0 || at > 2) return line;
    const cells = line.split(',');
    cells[2] = at === 1 ? stamp : 'Bad!';
    return cells.join(',');
  });

  await page.getByRole('link', { name: 'Import' }).click();
  await checkPage(page, 'Import DIDs', 'import-dids');
  await page.getByLabel('CSV file').setInputFiles({ name: 'dids.csv', mimeType: 'text/csv', buffer: Buffer.from(edited.join('\r\n')) });
  await expect(page.getByText(/^0 to add, 1 to change, \d+ unchanged, 1 invalid\.$/)).toBeVisible();
  await expect(page.getByRole('region', { name: /^To change/ })).toContainText(`Description: ${lines[1]?.split(',')[2]} → ${stamp}`);
  await expect(page.getByRole('region', { name: /^Invalid/ })).toContainText('Description: 6 to 50 letters');
  await expect(page.getByText('Lines end in CRLF (Windows): read as such.')).toBeVisible();
  await checkPage(page, 'Import DIDs', 'import-dids-preview');

  await page.getByRole('button', { name: 'Apply 1 row' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import of DIDs' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Done\./ })).toHaveText('Done. 1 applied, 1 failed.');
  await expect(page.getByLabel('2 of 2 rows done')).toHaveAttribute('value', '2');
  await expect(page.getByRole('row').filter({ hasText: 'Changed' })).toHaveCount(1);
  await checkPage(page, 'Import of DIDs', 'import-dids-progress');

  const [report] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the failed rows (CSV)' }).click()]);
  const failed = (await readFile((await report.path()) ?? '', 'utf8')).replace(/^\uFEFF/, '').trimEnd().split(/\r?\n/);
  expect(failed).toHaveLength(2);
  expect(failed[0]).toMatch(/,Import error$/);
  expect(failed[1]).toContain('Bad!');
  expect(failed[1]).toContain('Description: 6 to 50 letters');

  // The change is there: the list shows it.
  await page.goto(`/dids?search=${encodeURIComponent(SEARCH)}`);
  await expect(page.getByRole('cell', { name: stamp })).toBeVisible();

  // The import is reverted as one, from the changed DID's history: the description is back.
  const before = lines[1]?.split(',')[2] ?? '';
  await page.getByRole('link', { name: lines[1]?.split(',')[1]?.replace(/^'/, '') ?? '', exact: true }).click();
  const newest = page.getByRole('region', { name: 'History' }).getByRole('list', { name: 'Changes, newest first' }).locator(':scope > li').first();
  await newest.getByRole('button', { name: 'Revert this change' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('list', { name: 'Records to put back' }).locator(':scope > li')).toHaveCount(1);
  await expect(dialog.getByRole('list', { name: 'Field: now → back to' })).toHaveText(`Description: ${stamp} → back to ${before}`);
  await dialog.getByRole('button', { name: 'Revert', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The change was reverted.' })).toBeVisible();
  await page.goto(`/dids?search=${encodeURIComponent(SEARCH)}`);
  await expect(page.getByRole('cell', { name: before })).toBeVisible();
  await expect(page.getByRole('cell', { name: stamp })).toHaveCount(0);
});
