export { default } from '../testkit/vitest.base.ts';
