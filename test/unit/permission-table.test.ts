import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { permissionTable } from '../../shared/auth/permission-table.js';
import { PERMISSIONS } from '../../shared/auth/permissions.js';

describe('the README permission table', () => {
  it('is the matrix in shared/auth, as rendered by permissionTable()', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(permissionTable());
  });

  it('names every permission exactly once', () => {
    const named = permissionTable()
      .split('\n')
      .slice(2)
      .flatMap((line) => line.split(' | ')[0]!.replace(/^\| /, '').split(', '));
    expect(named.sort()).toEqual([...PERMISSIONS].sort());
  });
});
