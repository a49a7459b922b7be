import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  ALL_INDEX_ATTRIBUTES,
  auditPartition,
  auditSource,
  companyContactsSource,
  contactPointSearchSource,
  INDEX_NAMES,
  type IndexedRecord,
  keyAttributes,
  keys,
  type ListSort,
  type ListSource,
  listSource,
  liveIndexKeys,
  nameKey,
  nameSearchSource,
  phoneSearchSource,
  type RecordKind,
  staffDirectorySource,
  trashDueSource,
  trashIndexKeys,
  trashSource,
  userIndexKeys,
} from '../../shared/db/keys.js';
import { nationalDigits, phoneQueryDigits } from '../../shared/domain/common/phone.js';
import { anIndexedCompany, anIndexedContact } from '../support/builders.js';

describe('keys of base-table items', () => {
  it.each<[string, { pk: string; sk: string }, { pk: string; sk: string }]>([
    ['a contact', keys.record('contact', 'c-1'), { pk: 'CONTACT#c-1', sk: 'CONTACT' }],
    ['a company', keys.record('company', 'co-1'), { pk: 'COMPANY#co-1', sk: 'COMPANY' }],
    ['an e-mail guard', keys.emailGuard('Ann@Example.COM'), { pk: 'CONTACT_EMAIL#ann@example.com', sk: 'GUARD' }],
    ['a domain guard', keys.domainGuard('Example.COM'), { pk: 'COMPANY_DOMAIN#example.com', sk: 'GUARD' }],
    [
      'an audit record',
      keys.audit('contact', 'c-1', '2026-03-01T12:00:00.000Z', 'a-9'),
      { pk: 'AUDIT#CONTACT#c-1', sk: '2026-03-01T12:00:00.000Z#a-9' },
    ],
    [
      'a custom-field audit record',
      keys.audit('customField', 'contact.nickname', '2026-03-01T12:00:00.000Z', 'a-9'),
      { pk: 'AUDIT#CUSTOM_FIELD#contact.nickname', sk: '2026-03-01T12:00:00.000Z#a-9' },
    ],
    ['the custom-field definitions', keys.customFields('company'), { pk: 'SETTINGS#CUSTOM_FIELDS', sk: 'company' }],
    ['an idempotency record', keys.idempotency('u-1', 'k-42'), { pk: 'IDEMPOTENCY#u-1#k-42', sk: 'IDEMPOTENCY' }],
    ['a staff profile', keys.user('u-1'), { pk: 'USER#u-1', sk: 'PROFILE' }],
    ['a notification claim', keys.notification('a-9', 'assigned'), { pk: 'NOTIFICATION#a-9', sk: 'assigned' }],
  ])('builds the key of %s', (_item, built, expected) => {
    expect(built).toEqual(expected);
  });

  it('puts every audit record of a record in one partition', () => {
    const first = keys.audit('company', 'co-1', '2026-01-01T00:00:00.000Z', 'a-1');
    const second = keys.audit('company', 'co-1', '2026-02-01T00:00:00.000Z', 'a-2');

    expect(first.pk).toBe(second.pk);
    expect(first.pk).toBe(auditPartition('company', 'co-1'));
  });

  it('keeps contact and company keys apart for the same id', () => {
    expect(keys.record('contact', 'x').pk).not.toBe(keys.record('company', 'x').pk);
  });
});

describe('nameKey', () => {
  it.each([
    ['folds case', 'Ann LEE', 'ann lee'],
    ['folds full-width letters to ASCII', 'ＡＢＣ Ｃｏｒｐ', 'abc corp'],
    ['folds full-width digits', 'Ｒｏｏｍ １０１', 'room 101'],
    ['folds ligatures', 'ﬁnance', 'finance'],
    ['keeps Chinese names as they are', '张伟', '张伟'],
    ['keeps mixed Chinese and Latin names', 'Riley Zhang 张瑞', 'riley zhang 张瑞'],
    ['trims surrounding spaces', '  Ann Lee  ', 'ann lee'],
    ['collapses inner runs of white space', 'Ann \t  Lee\nSmith', 'ann lee smith'],
    ['turns an ideographic space into a plain one', '王\u3000芳', '王 芳'],
    ['trims ideographic spaces', '\u3000张伟\u3000', '张伟'],
  ])('%s: %j → %j', (_what, name, key) => {
    expect(nameKey(name)).toBe(key);
  });

  it('gives the same key to notations a user sees as the same name', () => {
    expect(nameKey('ＡＮＮ　ＬＥＥ')).toBe(nameKey(' ann lee'));
  });
});

describe('phone search digits', () => {
  it.each([
    ['+8613800138000', '13800138000'],
    ['+14155552671', '4155552671'],
    ['+442079460018', '2079460018'],
  ])('indexes %j under its national number %j', (e164, digits) => {
    expect(nationalDigits(e164)).toBe(digits);
  });

  it.each([
    ['+86 138 0013', '1380013'],
    ['+1 (415) 555', '415555'],
    ['138-0013', '1380013'],
    ['020.7946.0018', '2079460018'],
    ['no digits', ''],
  ])('reads the query %j as the national digits %j', (query, digits) => {
    expect(phoneQueryDigits(query)).toBe(digits);
  });
});

describe('liveIndexKeys', () => {
  it('indexes a contact for every list: all, by name, by creation, and per owner', () => {
    const contact = anIndexedContact({ id: 'c-7', name: 'Ann Lee', ownerId: 'u-1' });

    const attrs = liveIndexKeys('contact', contact);

    expect(attrs).toEqual({
      gsi1pk: 'CONTACT',
      gsi1sk: `${contact.updatedAt}#c-7`,
      gsi2pk: 'CONTACT',
      gsi2sk: 'ann lee#c-7',
      gsi3pk: 'CONTACT',
      gsi3sk: `${contact.createdAt}#c-7`,
      gsi4pk: 'CONTACT#OWNER#u-1',
      gsi4sk: `${contact.updatedAt}#c-7`,
      gsi5pk: 'CONTACT#OWNER#u-1',
      gsi5sk: 'ann lee#c-7',
      gsi6pk: 'CONTACT#OWNER#u-1',
      gsi6sk: `${contact.createdAt}#c-7`,
    });
  });

  it('indexes a company the same way under its own type', () => {
    const company = anIndexedCompany({ id: 'co-3', name: '华云科技', ownerId: 'u-2' });

    const attrs = liveIndexKeys('company', company);

    expect(attrs).toMatchObject({
      gsi1pk: 'COMPANY',
      gsi2pk: 'COMPANY',
      gsi2sk: '华云科技#co-3',
      gsi3pk: 'COMPANY',
      gsi4pk: 'COMPANY#OWNER#u-2',
      gsi5pk: 'COMPANY#OWNER#u-2',
      gsi6pk: 'COMPANY#OWNER#u-2',
    });
  });

  it('sorts by the folded name', () => {
    const attrs = liveIndexKeys('contact', anIndexedContact({ id: 'c-1', name: '  ＡＮＮ   Lee ' }));

    expect(attrs.gsi2sk).toBe('ann lee#c-1');
    expect(attrs.gsi5sk).toBe('ann lee#c-1');
  });

  it.each<[string, RecordKind, Partial<IndexedRecord>, string[]]>([
    ['a bare contact', 'contact', {}, []],
    ['a contact at a company', 'contact', { companyId: 'co-1' }, ['gsi7pk', 'gsi7sk']],
    ['a contact with an e-mail', 'contact', { email: 'ann@x.com' }, ['gsi8pk', 'gsi8sk']],
    ['a contact with a phone', 'contact', { phone: '+14155552671' }, ['gsi9pk', 'gsi9sk']],
    [
      'a contact with all three',
      'contact',
      { companyId: 'co-1', email: 'ann@x.com', phone: '+14155552671' },
      ['gsi7pk', 'gsi7sk', 'gsi8pk', 'gsi8sk', 'gsi9pk', 'gsi9sk'],
    ],
    ['a contact with a domain (ignored)', 'contact', { domain: 'x.com' }, []],
    ['a bare company', 'company', {}, []],
    ['a company with a domain', 'company', { domain: 'x.com' }, ['gsi8pk', 'gsi8sk']],
    [
      'a company given contact-only fields (ignored)',
      'company',
      { companyId: 'co-1', email: 'a@x.com', phone: '+14155552671' },
      [],
    ],
  ])('gives %s exactly these optional index attributes: %j', (_case, kind, extra, optional) => {
    const base = kind === 'contact' ? anIndexedContact(extra) : anIndexedCompany(extra);

    const attrs = liveIndexKeys(kind, base);

    const always = ['1', '2', '3', '4', '5', '6'].flatMap((n) => [`gsi${n}pk`, `gsi${n}sk`]);
    expect(Object.keys(attrs).sort()).toEqual([...always, ...optional].sort());
  });

  it("lists a contact among its company's contacts by name", () => {
    const attrs = liveIndexKeys('contact', anIndexedContact({ id: 'c-1', name: 'Ann Lee', companyId: 'co-9' }));

    expect(attrs).toMatchObject({ gsi7pk: 'COMPANY#co-9#CONTACT', gsi7sk: 'ann lee#c-1' });
  });

  it('makes a contact findable by e-mail prefix', () => {
    const attrs = liveIndexKeys('contact', anIndexedContact({ id: 'c-1', email: 'ann@x.com' }));

    expect(attrs).toMatchObject({ gsi8pk: 'CONTACT#EMAIL', gsi8sk: 'ann@x.com#c-1' });
  });

  it('makes a company findable by domain prefix', () => {
    const attrs = liveIndexKeys('company', anIndexedCompany({ id: 'co-1', domain: 'example.com' }));

    expect(attrs).toMatchObject({ gsi8pk: 'COMPANY#DOMAIN', gsi8sk: 'example.com#co-1' });
  });

  it('makes a contact findable by the national digits of its phone', () => {
    const attrs = liveIndexKeys('contact', anIndexedContact({ id: 'c-1', phone: '+8613800138000' }));

    expect(attrs).toMatchObject({ gsi9pk: 'CONTACT#PHONE', gsi9sk: '13800138000#c-1' });
  });

  it('only ever sets attributes the table declares', () => {
    const attrs = liveIndexKeys(
      'contact',
      anIndexedContact({ companyId: 'co-1', email: 'a@x.com', phone: '+14155552671' }),
    );

    for (const name of Object.keys(attrs)) expect(ALL_INDEX_ATTRIBUTES).toContain(name);
  });
});

describe('trashIndexKeys', () => {
  it.each<[RecordKind, string]>([
    ['contact', 'CONTACT#DELETED'],
    ['company', 'COMPANY#DELETED'],
  ])('keeps a deleted %s only in the trash, newest deletion last in key order', (kind, pk) => {
    const attrs = trashIndexKeys(kind, { id: 'r-1', deletedAt: '2026-03-02T10:00:00.000Z' });

    expect(attrs).toEqual({ gsi1pk: pk, gsi1sk: '2026-03-02T10:00:00.000Z#r-1' });
  });
});

describe('ALL_INDEX_ATTRIBUTES', () => {
  it('names a pk and an sk for each of the eleven indexes', () => {
    expect(INDEX_NAMES).toEqual([
      'gsi1',
      'gsi2',
      'gsi3',
      'gsi4',
      'gsi5',
      'gsi6',
      'gsi7',
      'gsi8',
      'gsi9',
      'gsi10',
      'gsi11',
    ]);
    expect(ALL_INDEX_ATTRIBUTES).toHaveLength(22);
    expect(ALL_INDEX_ATTRIBUTES).toContain('gsi11sk');
  });
});

describe('listSource', () => {
  it.each<[RecordKind, ListSort, string | undefined, ListSource]>([
    ['contact', 'updated', undefined, { index: 'gsi1', pk: 'CONTACT' }],
    ['contact', 'name', undefined, { index: 'gsi2', pk: 'CONTACT' }],
    ['contact', 'created', undefined, { index: 'gsi3', pk: 'CONTACT' }],
    ['contact', 'updated', 'u-1', { index: 'gsi4', pk: 'CONTACT#OWNER#u-1' }],
    ['contact', 'name', 'u-1', { index: 'gsi5', pk: 'CONTACT#OWNER#u-1' }],
    ['contact', 'created', 'u-1', { index: 'gsi6', pk: 'CONTACT#OWNER#u-1' }],
    ['company', 'updated', undefined, { index: 'gsi1', pk: 'COMPANY' }],
    ['company', 'name', undefined, { index: 'gsi2', pk: 'COMPANY' }],
    ['company', 'created', undefined, { index: 'gsi3', pk: 'COMPANY' }],
    ['company', 'updated', 'u-2', { index: 'gsi4', pk: 'COMPANY#OWNER#u-2' }],
    ['company', 'name', 'u-2', { index: 'gsi5', pk: 'COMPANY#OWNER#u-2' }],
    ['company', 'created', 'u-2', { index: 'gsi6', pk: 'COMPANY#OWNER#u-2' }],
  ])('reads %s sorted by %s for owner %s from %j', (kind, sort, ownerId, source) => {
    expect(listSource(kind, sort, ownerId)).toEqual(source);
  });

  it('reads the partition a live record is written to', () => {
    const contact = anIndexedContact({ ownerId: 'u-1' });
    const attrs = liveIndexKeys('contact', contact);

    for (const sort of ['updated', 'name', 'created'] as const) {
      for (const owner of [undefined, 'u-1']) {
        const source = listSource('contact', sort, owner);
        expect(attrs[keyAttributes(source).pk]).toBe(source.pk);
      }
    }
  });
});

describe('trash, company and audit sources', () => {
  it('reads the trash from gsi1 under the DELETED partition', () => {
    expect(trashSource('company')).toEqual({ index: 'gsi1', pk: 'COMPANY#DELETED' });
  });

  it('reads trash entries strictly before a cutoff for the purge sweep', () => {
    expect(trashDueSource('contact', '2026-02-01T00:00:00.000Z')).toEqual({
      index: 'gsi1',
      pk: 'CONTACT#DELETED',
      skBelow: '2026-02-01T00:00:00.000Z',
    });
  });

  it('finds the trash entry a deleted record is written to', () => {
    const attrs = trashIndexKeys('contact', { id: 'c-1', deletedAt: '2026-01-01T00:00:00.000Z' });

    expect(attrs[keyAttributes(trashSource('contact')).pk]).toBe(trashSource('contact').pk);
  });

  it("reads a company's contacts from gsi7", () => {
    expect(companyContactsSource('co-9')).toEqual({ index: 'gsi7', pk: 'COMPANY#co-9#CONTACT' });
  });

  it("reads a record's audit trail from the base table", () => {
    expect(auditSource('contact', 'c-1')).toEqual({ index: 'table', pk: 'AUDIT#CONTACT#c-1' });
  });
});

describe('search sources', () => {
  it('searches all names by folded prefix on gsi2', () => {
    expect(nameSearchSource('contact', ' ＡＮＮ  L')).toEqual({ index: 'gsi2', pk: 'CONTACT', skPrefix: 'ann l' });
  });

  it("searches a rep's own names on gsi5", () => {
    expect(nameSearchSource('company', '华云', 'u-1')).toEqual({
      index: 'gsi5',
      pk: 'COMPANY#OWNER#u-1',
      skPrefix: '华云',
    });
  });

  it('searches contacts by lower-cased e-mail prefix on gsi8', () => {
    expect(contactPointSearchSource('contact', 'Ann@X')).toEqual({
      index: 'gsi8',
      pk: 'CONTACT#EMAIL',
      skPrefix: 'ann@x',
    });
  });

  it('searches companies by lower-cased domain prefix on gsi8', () => {
    expect(contactPointSearchSource('company', 'Example.C')).toEqual({
      index: 'gsi8',
      pk: 'COMPANY#DOMAIN',
      skPrefix: 'example.c',
    });
  });

  it('searches phones by digits whatever the notation', () => {
    expect(phoneSearchSource('+86 (138) 0013')).toEqual({ index: 'gsi9', pk: 'CONTACT#PHONE', skPrefix: '1380013' });
  });

  it('finds a live record under each search prefix it should match', () => {
    const contact = anIndexedContact({ id: 'c-1', name: 'Ann Lee', email: 'ann@x.com', phone: '+8613800138000' });
    const attrs = liveIndexKeys('contact', contact);

    for (const source of [
      nameSearchSource('contact', 'ANN'),
      nameSearchSource('contact', 'ann', contact.ownerId),
      contactPointSearchSource('contact', 'Ann@'),
      phoneSearchSource('+86 138'),
    ]) {
      const { pk, sk } = keyAttributes(source);
      expect(attrs[pk]).toBe(source.pk);
      expect(attrs[sk]?.startsWith(source.skPrefix ?? '\u0000')).toBe(true);
    }
  });
});

describe('keyAttributes', () => {
  it.each(INDEX_NAMES.map((index) => [index]))('names %s attributes after the index', (index) => {
    expect(keyAttributes({ index, pk: 'X' })).toEqual({ pk: `${index}pk`, sk: `${index}sk` });
  });

  it('names the base table attributes pk and sk', () => {
    expect(keyAttributes({ index: 'table', pk: 'X' })).toEqual({ pk: 'pk', sk: 'sk' });
  });
});

describe('the staff directory', () => {
  it('lists staff by folded name on gsi2 under USER', () => {
    const attrs = userIndexKeys({ id: 'u-4', name: 'Riley Zhang 张瑞' });

    expect(attrs).toEqual({ gsi2pk: 'USER', gsi2sk: 'riley zhang 张瑞#u-4' });
    expect(attrs[keyAttributes(staffDirectorySource).pk]).toBe(staffDirectorySource.pk);
  });
});

/** Hand-built key prefixes that only shared/db/keys.ts may write. */
const KEY_PREFIXES = [
  "'CONTACT#",
  '`CONTACT#',
  'COMPANY#',
  'AUDIT#',
  'USER#',
  'IDEMPOTENCY#',
  'DEAL#',
  'PIPELINE#',
  'QUOTE#',
  'PRODUCT#',
  'CONTRACT#',
  'TASK#',
  'ACTIVITY#',
  'QUOTA#',
  'REMINDER#',
];
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCANNED = ['functions', 'shared', 'infra'];
const OWNER = join('shared', 'db', 'keys.records.ts');
/** keys.ts (core, records, audit, staff) and its per-context siblings (keys.deals.ts, ...): the one place keys are built. */
const isKeyModule = (path: string) => /^shared[\\/]db[\\/]keys(\.[a-z]+)?\.ts$/.test(path);

/** Prefixes written in code; comments may name a key's shape (`DEAL#TOTALS#<pipeline>`) to explain it. */
function keyPrefixesIn(source: string): string[] {
  const code = source
    .split('\n')
    .filter((line) => !/^\s*(\*|\/\*|\/\/)/.test(line))
    .join('\n');
  return KEY_PREFIXES.filter((prefix) => code.includes(prefix));
}

function typeScriptFilesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)))
    .filter((path) => !path.split(sep).includes('node_modules'));
}

describe('key ownership', () => {
  it.each([
    ["'CONTACT#' + id", ["'CONTACT#"]],
    ['`CONTACT#`.concat(id)', ['`CONTACT#']],
    ['`COMPANY#`.concat(companyId)', ['COMPANY#']],
    ["pk: 'AUDIT#' + kind", ['AUDIT#']],
    ['`USER#`.concat(userId)', ['USER#']],
    ["'IDEMPOTENCY#' + userId", ['IDEMPOTENCY#']],
    ["listSource('contact', 'updated')", []],
  ])('the scanner flags %s', (line, found) => {
    expect(keyPrefixesIn(line)).toEqual(found);
  });

  it('scans the modules that could build keys', () => {
    const files = SCANNED.flatMap(typeScriptFilesUnder);

    expect(files).toContain(OWNER);
    expect(files).toContain(join('shared', 'app', 'customers', 'record-queries.ts'));
    expect(keyPrefixesIn(readFileSync(join(ROOT, OWNER), 'utf8')).length).toBeGreaterThan(0);
  });

  it('finds no key string built by hand outside shared/db/keys*.ts', () => {
    const offenders = SCANNED.flatMap(typeScriptFilesUnder)
      .filter((path) => !isKeyModule(path))
      .flatMap((path) => keyPrefixesIn(readFileSync(join(ROOT, path), 'utf8')).map((prefix) => `${path}: ${prefix}`));

    expect(offenders).toEqual([]);
  });
});

/**
 * Any key-shaped literal: a string or template literal opening with an upper-case TYPE and `#`
 * (`'CONTACT#'`, `` `LEAD_STATE#${id}` ``), or a TYPE segment after an interpolation
 * (`` `${type}#OWNER#` ``). Whatever the entity, so a new context's keys are covered too.
 */
const KEY_LITERAL = /(['"`]|\}#?)[A-Z][A-Z_]*#/g;

function keyLiteralsIn(source: string): string[] {
  return source
    .split('\n')
    .filter((line) => !/^\s*(\*|\/\*|\/\/)/.test(line))
    .flatMap((line) => line.match(KEY_LITERAL) ?? []);
}

describe('key literals', () => {
  it.each([
    ["String(i.sk).startsWith('ATTACHMENT#')", ["'ATTACHMENT#"]],
    [`\`LEAD_STATE#\${id}\``, ['`LEAD_STATE#']],
    [`\`\${TYPE[kind]}#OWNER#\${ownerId}\``, ['}#OWNER#']],
    ['"SETTINGS#CUSTOM_FIELDS"', ['"SETTINGS#']],
    [`const key = \`contact#\${id}\`; // a map key, not a table key`, []],
    ["if (item.status === 'OPEN') return", []],
  ])('the scanner reads %s as %j', (line, found) => {
    expect(keyLiteralsIn(line)).toEqual(found);
  });

  it('finds none in product code (shared/, functions/) outside shared/db/keys*.ts', () => {
    const scanned = ['shared', 'functions'].flatMap(typeScriptFilesUnder);
    expect(scanned.length).toBeGreaterThan(100);
    expect(scanned.filter(isKeyModule).length).toBeGreaterThanOrEqual(5);

    const offenders = scanned
      .filter((path) => !isKeyModule(path))
      .flatMap((path) => keyLiteralsIn(readFileSync(join(ROOT, path), 'utf8')).map((found) => `${path}: ${found}`));

    expect(offenders).toEqual([]);
  });

  it('finds them where keys are built', () => {
    expect(keyLiteralsIn(readFileSync(join(ROOT, OWNER), 'utf8')).length).toBeGreaterThan(5);
  });
});
