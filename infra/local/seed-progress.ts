import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../../shared/db/client.js';
import { keys, listSource } from '../../shared/db/keys.js';
import { queryPage } from '../../shared/db/query.js';

/**
 * Where the demo seed of a data folder stands: `none` (never begun), `started` (begun and not
 * finished: the start was stopped in between) or `done`. The marker is written `started` before the
 * first seeded record and `done` after the last, so `started` alone means half a demo.
 */
export type SeedProgress = 'none' | 'started' | 'done';

export async function seedProgress(): Promise<SeedProgress> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.localSeed() }));
  if (Item) return Item.status === 'done' ? 'done' : 'started';
  // A data folder seeded before the marker existed has contacts and no marker: it is complete.
  const legacy = await queryPage(listSource('contact', 'updated'), { limit: 1, forward: false });
  if (legacy.items.length === 0) return 'none';
  await markSeed('done');
  return 'done';
}

export async function markSeed(status: Exclude<SeedProgress, 'none'>): Promise<void> {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.localSeed(), type: 'LocalSeed', status, at: new Date().toISOString() },
    }),
  );
}
