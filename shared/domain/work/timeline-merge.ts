/**
 * The record timeline merges two streams read newest first, each with one Query: the record's
 * audit trail and the activities logged on it. A page takes the newest `limit` entries of both;
 * the one cursor remembers, per stream, the sort key of the last entry shown (the next page reads
 * strictly below it) or that the stream is used up. So a page costs at most two bounded Queries
 * however the two streams interleave, and no entry is skipped or shown twice.
 */

/** Where a stream stands: read from the top, below a sort key, or used up. */
export type StreamPosition = { below?: string; done?: true };

export interface MergeCursor {
  audit: StreamPosition;
  activity: StreamPosition;
}

export type StreamName = keyof MergeCursor;

export interface StreamEntry<T> {
  /** The entry's sort key in its stream (`<ISO time>#<id>`): what the next read starts below. */
  key: string;
  /** When it happened (ISO, UTC): the merge order. */
  at: string;
  value: T;
}

export interface StreamPage<T> {
  /** Newest first, at most the page size asked for. */
  entries: StreamEntry<T>[];
  /** DynamoDB may have more below the last entry. */
  more: boolean;
}

export const START: MergeCursor = { audit: {}, activity: {} };

/** Newer first; at the same instant, the greater key first (stable and total). */
function newer(a: StreamEntry<unknown>, b: StreamEntry<unknown>): boolean {
  return a.at === b.at ? a.key > b.key : a.at > b.at;
}

/**
 * Merges one page of each stream (read with `position.below` from `cursor`) into the newest
 * `limit` entries, and the cursor of the page after (null when both streams are used up).
 */
export function mergeTimelinePage<A, V>(
  cursor: MergeCursor,
  pages: { audit: StreamPage<A>; activity: StreamPage<V> },
  limit: number,
): { items: ({ stream: 'audit'; value: A } | { stream: 'activity'; value: V })[]; next: MergeCursor | null } {
  const heads = { audit: 0, activity: 0 };
  const items: ({ stream: 'audit'; value: A } | { stream: 'activity'; value: V })[] = [];
  while (items.length < limit) {
    const a = pages.audit.entries[heads.audit];
    const v = pages.activity.entries[heads.activity];
    if (!a && !v) break;
    if (a && (!v || newer(a, v))) {
      items.push({ stream: 'audit', value: a.value });
      heads.audit++;
    } else if (v) {
      items.push({ stream: 'activity', value: v.value });
      heads.activity++;
    }
  }
  const advance = (name: StreamName, page: StreamPage<unknown>): StreamPosition => {
    const was = cursor[name];
    if (was.done) return was;
    const used = heads[name];
    if (used === page.entries.length && !page.more) return { done: true };
    return used === 0 ? was : { below: page.entries[used - 1]!.key };
  };
  const next = { audit: advance('audit', pages.audit), activity: advance('activity', pages.activity) };
  return { items, next: next.audit.done && next.activity.done ? null : next };
}

const KEY = /^[0-9T:.Z+-]{10,40}#[0-9A-Za-z_~-]{1,64}$/;

export function encodeMergeCursor(cursor: MergeCursor | null): string | null {
  if (!cursor) return null;
  const part = (p: StreamPosition) => (p.done ? 1 : (p.below ?? 0));
  return Buffer.from(JSON.stringify({ t: 'timeline', a: part(cursor.audit), v: part(cursor.activity) })).toString(
    'base64url',
  );
}

/** The cursor of a timeline page, or undefined when malformed (the caller answers 400). */
export function decodeMergeCursor(text: string | undefined): MergeCursor | undefined {
  if (text === undefined) return START;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { t, a, v } = parsed as Record<string, unknown>;
  if (t !== 'timeline') return undefined;
  const part = (p: unknown): StreamPosition | undefined => {
    if (p === 0) return {};
    if (p === 1) return { done: true };
    return typeof p === 'string' && KEY.test(p) ? { below: p } : undefined;
  };
  const audit = part(a);
  const activity = part(v);
  return audit && activity ? { audit, activity } : undefined;
}
