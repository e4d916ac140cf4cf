import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const packageRoot = new URL('../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('package.json', packageRoot), 'utf8')) as Record<string, Record<string, string> | undefined>;

/** Every module specifier imported by a source file of this package. */
function importedModules(): Map<string, string[]> {
  const sources = new URL('src/', packageRoot);
  const imports = new Map<string, string[]>();
  for (const file of readdirSync(sources).filter((name) => name.endsWith('.ts'))) {
    const text = readFileSync(new URL(file, sources), 'utf8');
    imports.set(file, [...text.matchAll(/\bfrom\s+'([^']+)'/g)].map((match) => match[1]!));
  }
  return imports;
}

describe('package boundaries', () => {
  it('depends on undici only: no HTTP framework, no workspace package', () => {
    expect(manifest.dependencies).toEqual({ undici: '7.30.2' });
    expect(manifest.devDependencies ?? {}).toEqual({});
    expect(manifest.peerDependencies ?? {}).toEqual({});
  });

  it('imports only its own modules, node built-ins, undici (and vitest in tests)', () => {
    for (const [file, specifiers] of importedModules()) {
      const allowed = (specifier: string) =>
        specifier.startsWith('./') ||
        specifier.startsWith('node:') ||
        specifier === 'undici' ||
        (file.endsWith('.test.ts') && specifier === 'vitest');
      expect(specifiers.filter((specifier) => !allowed(specifier)), file).toEqual([]);
    }
  });
});
