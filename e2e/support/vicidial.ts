/**
 * The VICIdial API user the dashboard writes as (VICIDIAL_API_USER, set by playwright.config.ts):
 * what VICIdial's own admin log names as the author of the dashboard's changes.
 */
export const VICIDIAL_API_USER: string = (() => {
  const name = process.env.VICIDIAL_API_USER;
  if (!name) throw new Error('VICIDIAL_API_USER is not set: run the suite with e2e/playwright.config.ts');
  return name;
})();
