import { BatchGetCommand, type BatchGetCommandInput } from '@aws-sdk/lib-dynamodb';
import { type AwsClientStub, mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Key } from '../../shared/db/keys.js';
import type * as BatchGet from '../../shared/db/kit.js';

/**
 * The BatchGetItem kit, against a fake DynamoDB answering from a map: the SDK cannot make the real
 * one leave keys unprocessed on cue, and that is the behaviour under test. Pauses are recorded,
 * never waited for.
 */

let kit: typeof BatchGet;
let mock: AwsClientStub<ReturnType<typeof import('../../shared/db/client.js').db>>;
const TABLE = 'test-table';
const pauses: number[] = [];
let savedPause: typeof BatchGet.batchGetRetry.pause;

beforeAll(async () => {
  process.env.TABLE_NAME ??= TABLE;
  kit = await import('../../shared/db/kit.js');
  const { db } = await import('../../shared/db/client.js');
  mock = mockClient(db());
  savedPause = kit.batchGetRetry.pause;
});

beforeEach(() => {
  mock.reset();
  pauses.length = 0;
  kit.batchGetRetry.pause = async (ms) => {
    pauses.push(ms);
  };
});

afterEach(() => {
  kit.batchGetRetry.pause = savedPause;
});

const key = (id: string): Key => ({ pk: `CONTACT#${id}`, sk: 'CONTACT' });
const itemOf = (k: Key) => ({ ...k, id: k.pk.slice('CONTACT#'.length) });

/** Answers every request from `stored`, leaving the first `unprocessed(n)` keys of the n-th request unread. */
function answer(stored: Set<string>, unprocessed: (request: number) => number = () => 0) {
  let request = 0;
  mock.on(BatchGetCommand).callsFake((input: BatchGetCommandInput) => {
    const asked = (input.RequestItems?.[TABLE]?.Keys ?? []) as Key[];
    const skipped = unprocessed(request++);
    const left = asked.slice(0, skipped);
    const read = asked.slice(skipped).filter((k) => stored.has(k.pk));
    return {
      Responses: { [TABLE]: read.map(itemOf) },
      UnprocessedKeys: left.length ? { [TABLE]: { Keys: left } } : {},
    };
  });
}

const askedKeys = () =>
  mock.commandCalls(BatchGetCommand).map((c) => (c.args[0].input.RequestItems?.[TABLE]?.Keys ?? []) as Key[]);

describe('BatchGetItem through the kit', () => {
  it('returns the items in the order asked, undefined where none is stored', async () => {
    answer(new Set(['CONTACT#b', 'CONTACT#c']));

    const got = await kit.getItems([key('c'), key('a'), undefined, key('b')]);

    expect(got.map((i) => i?.id)).toEqual(['c', undefined, undefined, 'b']);
  });

  it('reads a key asked for twice once and answers it at both places', async () => {
    answer(new Set(['CONTACT#a']));

    const got = await kit.getItems([key('a'), key('b'), key('a')]);

    expect(askedKeys()).toEqual([[key('a'), key('b')]]);
    expect(got.map((i) => i?.id)).toEqual(['a', undefined, 'a']);
  });

  it('lists the found items once each with getFound', async () => {
    answer(new Set(['CONTACT#a', 'CONTACT#c']));

    const got = await kit.getFound([key('c'), key('b'), key('a'), key('c')]);

    expect(got.map((i) => i.id)).toEqual(['c', 'a']);
  });

  it('retries unprocessed keys after a growing, jittered pause until all are read', async () => {
    answer(new Set(['CONTACT#a', 'CONTACT#b', 'CONTACT#c']), (n) => (n < 3 ? 2 : 0));

    const got = await kit.getItems([key('a'), key('b'), key('c')]);

    expect(got.map((i) => i?.id)).toEqual(['a', 'b', 'c']);
    expect(askedKeys()).toEqual([
      [key('a'), key('b'), key('c')],
      [key('a'), key('b')],
      [key('a'), key('b')],
      [key('a'), key('b')],
    ]);
    expect(pauses).toHaveLength(3);
    pauses.forEach((ms, retry) => {
      expect(ms).toBeGreaterThanOrEqual(0);
      expect(ms).toBeLessThanOrEqual(kit.batchGetRetry.baseDelayMs * 2 ** retry);
    });
  });

  it('asks for at most 100 keys a request', async () => {
    const ids = Array.from({ length: 250 }, (_, i) => `r${i}`);
    answer(new Set(ids.map((id) => `CONTACT#${id}`)));

    const got = await kit.getItems(ids.map(key));

    expect(askedKeys().map((keys) => keys.length)).toEqual([100, 100, 50]);
    expect(got.map((i) => i?.id)).toEqual(ids);
  });

  it('answers 503 when keys are still unprocessed after the last attempt', async () => {
    answer(new Set(['CONTACT#a']), () => 1);

    const failure = kit.getItems([key('a')]);

    await expect(failure).rejects.toMatchObject({ kind: 'unavailable', code: 'service.unavailable' });
    expect(askedKeys()).toHaveLength(kit.batchGetRetry.maxAttempts);
  });

  it('reads consistently unless asked not to', async () => {
    answer(new Set());

    await kit.getItems([key('a')]);
    await kit.getItems([key('b')], { consistent: false });

    const consistent = mock
      .commandCalls(BatchGetCommand)
      .map((c) => c.args[0].input.RequestItems?.[TABLE]?.ConsistentRead);
    expect(consistent).toEqual([true, false]);
  });

  it('makes no request for no keys', async () => {
    answer(new Set());

    expect(await kit.getItems([undefined])).toEqual([undefined]);
    expect(askedKeys()).toHaveLength(0);
  });
});
