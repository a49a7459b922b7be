import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Request paths read through keys and indexes only: no module that a handler bundles may Scan. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('no Scan on a request path', () => {
  it.each(['functions', 'shared'])('finds no ScanCommand in %s/', (dir) => {
    const offenders = sources(dir).filter((file) => /\bScanCommand\b|\bScanInput\b/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
