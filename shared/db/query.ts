import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Page } from '../domain/common/fields.js';
import { db, tableName } from './client.js';
import { decodeCursor, encodeCursor, type StartKey } from './cursor.js';
import { keyAttributes, type ListSource, type SortKeyRange } from './keys.core.js';

/** A condition on a non-key attribute, applied by DynamoDB as a FilterExpression. */
export interface Filter {
  /** An attribute name, or a dotted path into a map (`actor.id`). */
  attribute: string;
  /** gte / lte: a bound on a number or string attribute (an amount range, a date range). */
  op: 'eq' | 'contains' | 'gte' | 'lte';
  value: string | number | boolean;
}

export interface PageRequest {
  limit: number;
  cursor?: string;
  /** Ascending sort-key order; descending otherwise. */
  forward: boolean;
  filters?: readonly Filter[];
}

const CONDITION: Record<Filter['op'], (path: string, value: string) => string> = {
  eq: (p, v) => `${p} = ${v}`,
  contains: (p, v) => `contains(${p}, ${v})`,
  gte: (p, v) => `${p} >= ${v}`,
  lte: (p, v) => `${p} <= ${v}`,
};

/** A filtered query reads this many items per requested item, so a page fills in one request. */
const FILTER_READ_AHEAD = 4;
/** Never more than this many DynamoDB requests for one page (the bench budget is 2). */
const MAX_REQUESTS = 2;

/**
 * Reads one page of a list from an index. Without filters: one Query of `limit` items. With
 * filters, DynamoDB applies them after reading, so we read ahead and may make a second request
 * to fill the page; the cursor then points after the last item returned. A short page with a
 * cursor is possible (many items filtered out) and means "there may be more".
 */
export async function queryPage<T extends Record<string, unknown>>(
  source: ListSource,
  req: PageRequest,
): Promise<Page<T>> {
  const filters = req.filters ?? [];
  const base = buildQuery(source, req.forward, filters);
  let startKey: StartKey | undefined = decodeCursor(source, req.cursor);
  const items: T[] = [];
  for (let request = 0; request < MAX_REQUESTS; request++) {
    const wanted = req.limit - items.length;
    const out = await db().send(
      new QueryCommand({
        ...base,
        ExclusiveStartKey: startKey,
        Limit: filters.length ? Math.min(wanted * FILTER_READ_AHEAD, 1000) : wanted,
      }),
    );
    const got = (out.Items ?? []) as T[];
    if (items.length + got.length > req.limit) {
      const kept = got.slice(0, req.limit - items.length);
      items.push(...kept);
      return { items, nextCursor: encodeCursor(source, keyOf(source, kept[kept.length - 1]!)) };
    }
    items.push(...got);
    startKey = out.LastEvaluatedKey as StartKey | undefined;
    if (!startKey || items.length >= req.limit) break;
  }
  return { items, nextCursor: encodeCursor(source, startKey) };
}

function buildQuery(source: ListSource, forward: boolean, filters: readonly Filter[]): QueryCommandInput {
  const { pk: pkName, sk: skName } = keyAttributes(source);
  const names: Record<string, string> = { '#pk': pkName };
  const values: Record<string, unknown> = { ':pk': source.pk };
  let keyCondition = '#pk = :pk';
  if (source.skPrefix) {
    names['#sk'] = skName;
    values[':prefix'] = source.skPrefix;
    keyCondition += ' AND begins_with(#sk, :prefix)';
  } else if (source.skBelow) {
    names['#sk'] = skName;
    values[':below'] = source.skBelow;
    keyCondition += ' AND #sk < :below';
  } else if (source.skRange) {
    keyCondition += rangeCondition(source.skRange, skName, names, values);
  }
  const conditions = filters.map((f, i) => {
    const path = f.attribute
      .split('.')
      .map((part, j) => {
        const name = j === 0 ? `#f${i}` : `#f${i}_${j}`;
        names[name] = part;
        return name;
      })
      .join('.');
    values[`:f${i}`] = f.value;
    return CONDITION[f.op](path, `:f${i}`);
  });
  return {
    TableName: tableName(),
    IndexName: source.index === 'table' ? undefined : source.index,
    KeyConditionExpression: keyCondition,
    FilterExpression: conditions.length ? conditions.join(' AND ') : undefined,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ScanIndexForward: forward,
  };
}

/** A sort-key range as a key condition: BETWEEN when closed, >= or <= when open at one end. */
function rangeCondition(
  range: SortKeyRange,
  skName: string,
  names: Record<string, string>,
  values: Record<string, unknown>,
): string {
  if (range.from === undefined && range.to === undefined) return '';
  names['#sk'] = skName;
  if (range.from !== undefined) values[':from'] = range.from;
  if (range.to !== undefined) values[':to'] = range.to;
  if (range.from !== undefined && range.to !== undefined) return ' AND #sk BETWEEN :from AND :to';
  return range.from !== undefined ? ' AND #sk >= :from' : ' AND #sk <= :to';
}

/** The LastEvaluatedKey DynamoDB would give after this item: base key plus the index key. */
function keyOf(source: ListSource, item: Record<string, unknown>): StartKey {
  const { pk: pkName, sk: skName } = keyAttributes(source);
  return { pk: String(item.pk), sk: String(item.sk), [pkName]: String(item[pkName]), [skName]: String(item[skName]) };
}
