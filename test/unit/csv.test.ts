import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/domain/audit/audit.schema.js';
import { AUDIT_CSV_HEADER, auditCsvLines } from '../../shared/domain/audit/audit-csv.js';
import { cellText, csvCell, csvLine } from '../../shared/domain/common/csv.js';

describe('csvCell: spreadsheet formulas stay text', () => {
  it.each([
    ['=HYPERLINK("http://evil.test","click")', `"'=HYPERLINK(""http://evil.test"",""click"")"`],
    ['=1+1', "'=1+1"],
    ['+1 415 555 0100', "'+1 415 555 0100"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=cmd', "'\t=cmd"],
    ['\r=cmd', `"'\r=cmd"`],
  ])('neutralises %j as %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('neutralises a negative number, which a spreadsheet would otherwise evaluate', () => {
    expect(csvCell(-5)).toBe("'-5");
  });

  it.each([
    ['Ann Lee', 'Ann Lee'],
    ['a=b', 'a=b'],
    ['x-ray', 'x-ray'],
    ['ann@example.com', 'ann@example.com'],
    ['张伟', '张伟'],
    [" 'quoted", " 'quoted"],
  ])('leaves %j alone: only the first character matters', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});

describe('csvCell: quoting (RFC 4180)', () => {
  it.each([
    ['a comma', 'Lee, Ann', '"Lee, Ann"'],
    ['a quote', 'The "Boss"', '"The ""Boss"""'],
    ['a line break', 'line 1\nline 2', '"line 1\nline 2"'],
    ['a CRLF', 'line 1\r\nline 2', '"line 1\r\nline 2"'],
    ['nothing special', 'plain', 'plain'],
    ['an empty string', '', ''],
  ])('quotes a cell with %s only when needed', (_what, value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});

describe('cellText', () => {
  it.each<[unknown, string]>([
    [null, ''],
    [undefined, ''],
    ['text', 'text'],
    [42, '42'],
    [true, 'true'],
    [['vip', 'gold'], '["vip","gold"]'],
    [{ city: 'Shanghai' }, '{"city":"Shanghai"}'],
  ])('writes %j as %j', (value, text) => {
    expect(cellText(value)).toBe(text);
  });
});

describe('csvLine', () => {
  it('joins cells with commas and ends with CRLF', () => {
    expect(csvLine(['a', 1, null, 'b,c'])).toBe('a,1,,"b,c"\r\n');
  });
});

function anAuditEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: 'a-1',
    at: '2026-03-01T12:00:00.000Z',
    actor: { id: 'u-1', name: 'Avery Chen' },
    entity: 'contact',
    entityId: 'c-1',
    entityName: 'Ann Lee',
    action: 'updated',
    changes: [{ field: 'title', before: 'CTO', after: 'CEO' }],
    ...overrides,
  };
}

describe('auditCsvLines', () => {
  it('writes one row per changed field, before and after side by side', () => {
    const entry = anAuditEntry({
      changes: [
        { field: 'title', before: null, after: 'CEO' },
        { field: 'tags', before: ['vip'], after: ['vip', 'gold'] },
      ],
    });

    expect(auditCsvLines(entry)).toEqual([
      '2026-03-01T12:00:00.000Z,u-1,Avery Chen,contact,c-1,Ann Lee,updated,title,,CEO\r\n',
      '2026-03-01T12:00:00.000Z,u-1,Avery Chen,contact,c-1,Ann Lee,updated,tags,"[""vip""]","[""vip"",""gold""]"\r\n',
    ]);
  });

  it('writes one row for a change without fields', () => {
    expect(auditCsvLines(anAuditEntry({ action: 'purged', changes: [] }))).toEqual([
      '2026-03-01T12:00:00.000Z,u-1,Avery Chen,contact,c-1,Ann Lee,purged,,,\r\n',
    ]);
  });

  it('neutralises a formula in a record name and in a value', () => {
    const [line] = auditCsvLines(
      anAuditEntry({ entityName: '=HYPERLINK("x")', changes: [{ field: 'name', before: 'Ann', after: '@evil' }] }),
    );

    expect(line).toContain(`"'=HYPERLINK(""x"")"`);
    expect(line).toContain(",'@evil\r\n");
  });

  it('has a header with a column for every cell of a row', () => {
    const columns = AUDIT_CSV_HEADER.trimEnd().split(',');

    expect(columns).toHaveLength(10);
    expect(auditCsvLines(anAuditEntry())[0]!.trimEnd().split(',')).toHaveLength(columns.length);
  });
});
