import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

// Workspace packages (the contracts) are bundled from source, like everywhere else in the repo.
const conditions = ['@vicidash/source', ...defaultClientConditions];

export default defineConfig({
  plugins: [react()],
  resolve: { conditions },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Every browser the dashboard supports has modulepreload; the polyfill would only add bytes.
    modulePreload: { polyfill: false },
  },
  server: {
    // `npm run dev -w @vicidash/web` next to a running BFF (`npm start` listens on 8080 by default).
    proxy: { '/api': process.env.BFF_URL ?? 'http://127.0.0.1:8080' },
  },
});
