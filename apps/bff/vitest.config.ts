export { default } from '../../packages/testkit/vitest.base.ts';
