import { describe, expect, it } from 'vitest';
import {
  decodeMergeCursor,
  encodeMergeCursor,
  type MergeCursor,
  mergeTimelinePage,
  START,
  type StreamEntry,
  type StreamPage,
} from '../../shared/domain/work/timeline-merge.js';

const entry = (at: string, id: string): StreamEntry<string> => ({ key: `${at}#${id}`, at, value: id });
const t = (minute: number) => `2026-03-10T10:${String(minute).padStart(2, '0')}:00.000Z`;

/** An in-memory stream, newest first, read as the repository reads DynamoDB: below a key, `limit` items. */
function stream(entries: StreamEntry<string>[]) {
  const sorted = [...entries].sort((a, b) => (a.key < b.key ? 1 : -1));
  return (below: string | undefined, done: boolean | undefined, limit: number): StreamPage<string> => {
    if (done) return { entries: [], more: false };
    const rest = sorted.filter((e) => below === undefined || e.key < below);
    return { entries: rest.slice(0, limit), more: rest.length > limit };
  };
}

function readAll(audit: StreamEntry<string>[], activity: StreamEntry<string>[], limit: number) {
  const a = stream(audit);
  const v = stream(activity);
  let cursor: MergeCursor | null = START;
  const pages: string[][] = [];
  while (cursor && pages.length < 50) {
    const c: MergeCursor = decodeMergeCursor(encodeMergeCursor(cursor) ?? undefined)!;
    const out = mergeTimelinePage(
      c,
      {
        audit: a(c.audit.below, c.audit.done, limit),
        activity: v(c.activity.below, c.activity.done, limit),
      },
      limit,
    );
    pages.push(out.items.map((i) => `${i.stream}:${i.value}`));
    cursor = out.next;
  }
  return pages;
}

describe('merged timeline', () => {
  const audits = [entry(t(1), 'a1'), entry(t(4), 'a4'), entry(t(5), 'a5'), entry(t(9), 'a9')];
  const activities = [entry(t(2), 'v2'), entry(t(3), 'v3'), entry(t(7), 'v7')];

  it('interleaves changes and activities newest first', () => {
    expect(readAll(audits, activities, 10)).toEqual([
      ['audit:a9', 'activity:v7', 'audit:a5', 'audit:a4', 'activity:v3', 'activity:v2', 'audit:a1'],
    ]);
  });

  it.each([1, 2, 3, 4, 6, 7])('pages of %i show every entry once, in order', (limit) => {
    const pages = readAll(audits, activities, limit);
    expect(pages.flat()).toEqual([
      'audit:a9',
      'activity:v7',
      'audit:a5',
      'audit:a4',
      'activity:v3',
      'activity:v2',
      'audit:a1',
    ]);
    expect(pages.every((p) => p.length <= limit)).toBe(true);
  });

  it('a record with only changes pages through its audit trail', () => {
    expect(readAll(audits, [], 3).flat()).toEqual(['audit:a9', 'audit:a5', 'audit:a4', 'audit:a1']);
  });

  it('entries at the same instant keep a stable order across pages', () => {
    const same = [entry(t(5), 'b'), entry(t(5), 'a')];
    const acts = [entry(t(5), 'c')];
    expect(readAll(same, acts, 1).flat()).toEqual(readAll(same, acts, 5).flat());
  });

  it('ends with a null cursor once both streams are used up', () => {
    const out = mergeTimelinePage(
      START,
      { audit: { entries: [entry(t(1), 'a1')], more: false }, activity: { entries: [], more: false } },
      5,
    );
    expect(out.next).toBeNull();
  });

  it('keeps the cursor of a stream that had nothing newer to show', () => {
    const out = mergeTimelinePage(
      START,
      {
        audit: { entries: [entry(t(9), 'a9'), entry(t(8), 'a8')], more: true },
        activity: { entries: [entry(t(1), 'v1')], more: false },
      },
      2,
    );
    expect(out.next).toEqual({ audit: { below: `${t(8)}#a8` }, activity: {} });
  });

  it.each([
    'not base64 !',
    Buffer.from('{"t":"other"}').toString('base64url'),
    Buffer.from('{"t":"timeline","a":"x","v":0}').toString('base64url'),
  ])('rejects the malformed cursor %s', (cursor) => {
    expect(decodeMergeCursor(cursor)).toBeUndefined();
  });
});
