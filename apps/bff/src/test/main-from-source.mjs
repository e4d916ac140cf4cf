// Runs src/main.ts from source the way vitest does (Vite's module runner, workspace packages from
// src). A script rather than `node -e`: a cluster's workers are forked from this same script.
import { runnerImport } from 'vite';

const conditions = ['@vicidash/source'];
await runnerImport('./src/main.ts', { configFile: false, logLevel: 'error', resolve: { conditions }, ssr: { resolve: { conditions } } });
