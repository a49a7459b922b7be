import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseSync } from '@swc/core';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUES, ERRORS } from '../../shared/domain/error-codes.js';
import { apiErrorsEn, apiErrorsZhCN } from '../../web/app/src/i18n/api-errors.js';

/**
 * The API's error vocabulary (issue 9 §4): one style of code, each declared once, each with a text
 * in both console languages, and every throw site naming a declared code as it is.
 */
const STYLE = /^[a-z][a-zA-Z]*\.[a-z][a-z0-9_]*$/;
const ROOT = join(import.meta.dirname, '../..');

const declared = Object.values(ERROR_CATALOGUES).flatMap((catalogue) => Object.keys(catalogue));

/** `{ contact: { email_taken: '…' } }` → `[['contact.email_taken', '…']]`. */
function textsByCode(texts: Record<string, Record<string, string>>): Map<string, string> {
  return new Map(
    Object.entries(texts).flatMap(([context, names]) =>
      Object.entries(names).map(([name, text]) => [`${context}.${name}`, text] as const),
    ),
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .map((file) => join(ROOT, dir, file));
}

interface Site {
  file: string;
  /** The code argument: its text if a string literal, else the kind of expression written. */
  literal?: string;
  written: string;
}

/** Every `new AppError(kind, code, …)` of a file, parsed (swc: TypeScript 7 has no compiler API). */
function appErrorSites(file: string): Site[] {
  const program = parseSync(readFileSync(file, 'utf8'), { syntax: 'typescript', tsx: false });
  const sites: Site[] = [];
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const n = node as { type?: string; callee?: { type?: string; value?: string }; arguments?: unknown[] };
    if (n.type === 'NewExpression' && n.callee?.type === 'Identifier' && n.callee.value === 'AppError') {
      const code = (n.arguments?.[1] as { expression?: { type: string; value?: unknown } } | undefined)?.expression;
      sites.push({
        file: relative(ROOT, file),
        literal: code?.type === 'StringLiteral' ? String(code.value) : undefined,
        written: code ? (code.type === 'StringLiteral' ? `'${code.value}'` : code.type) : '(no code)',
      });
    }
    for (const value of Object.values(node)) if (typeof value === 'object') visit(value);
  };
  visit(program);
  return sites;
}

const en = textsByCode(apiErrorsEn);
const zh = textsByCode(apiErrorsZhCN);

describe('the error catalogue', () => {
  it.each(declared)('declares %s in the <context>.<snake_case> style', (code) => {
    expect(code).toMatch(STYLE);
  });

  it('declares every code once across all contexts', () => {
    const twice = declared.filter((code, i) => declared.indexOf(code) !== i);
    expect(twice).toEqual([]);
    expect(Object.keys(ERRORS)).toHaveLength(declared.length);
  });

  it.each(declared)('gives %s an English default message for the API', (code) => {
    expect(ERRORS[code as keyof typeof ERRORS].message.trim()).not.toBe('');
  });
});

describe('the console texts of the error codes', () => {
  it.each(declared)('has an English and a Chinese text for %s', (code) => {
    expect(en.get(code)?.trim()).toBeTruthy();
    expect(zh.get(code)?.trim()).toBeTruthy();
    // A Chinese text is written in Chinese, not the English one copied over.
    expect(zh.get(code)).toMatch(/[\u4e00-\u9fff]/);
  });

  it('has no text for a code that is not declared', () => {
    const known = new Set(declared);
    expect([...en.keys()].filter((code) => !known.has(code))).toEqual([]);
    expect([...zh.keys()].filter((code) => !known.has(code))).toEqual([]);
  });
});

describe('throw sites', () => {
  const sites = ['shared', 'functions', 'infra', 'bench'].flatMap(sourceFiles).flatMap(appErrorSites);
  // The factories of common/errors.ts build codes from a typed entity (`${entity}.not_found`).
  const FACTORIES = 'shared/domain/common/errors.ts';

  it('finds the throw sites it checks', () => {
    expect(sites.length).toBeGreaterThan(50);
  });

  it('pass a declared code as a string literal to AppError outside the factories', () => {
    const known = new Set(declared);
    const offending = sites
      .filter(({ file }) => file !== FACTORIES)
      .filter(({ literal }) => literal === undefined || !known.has(literal))
      .map(({ file, written }) => `${file}: ${written}`);
    expect(offending).toEqual([]);
  });
});
