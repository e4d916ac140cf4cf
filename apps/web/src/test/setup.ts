import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// `findBy…` and `waitFor` wait for what must appear; on a busy machine (the whole suite at once) a
// render can take longer than the 1 s default, and waiting longer never lets a wrong page pass.
configure({ asyncUtilTimeout: 5_000 });

// Without vitest globals, testing-library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  sessionStorage.clear();
});
