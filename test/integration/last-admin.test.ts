import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../infra/local/runtime.js';
import { db } from '../../shared/db/client.js';
import { keys } from '../../shared/db/keys.js';
import type { UserSummary } from '../../shared/domain/users/user.schema.js';
import { LocalUserDirectory } from '../../shared/identity/local-user-directory.js';
import { provideUserDirectory } from '../../shared/identity/select.js';
import { type Api, apiAs, type Listed, startTestRuntime } from '../support/runtime.js';

/**
 * The last-admin rule under a race: the count of admins who are not disabled is a guard item,
 * decremented on condition that another admin stays, before the identity provider is touched.
 */

type ErrorBody = { error: { code: string; fields?: Record<string, string> } };

let runtime: Runtime;
let first: Api;
let second: Api;
let secondId = '';

const users = async () => (await first.get<Listed<UserSummary>>('/api/users')).body.items;
const userByEmail = async (email: string) => (await users()).find((u) => u.email === email)!;
const activeAdmins = async () => (await users()).filter((u) => u.roles.includes('admin') && u.status !== 'disabled');
const adminCount = async () =>
  (await db().send(new GetCommand({ TableName: runtime.tableName, Key: keys.adminCount(), ConsistentRead: true }))).Item
    ?.count;

beforeAll(async () => {
  runtime = await startTestRuntime();
  first = apiAs(runtime, 'admin@cirrus.local');
  const invited = await first.post<UserSummary>('/api/users', {
    email: 'second.admin@cirrus.local',
    name: 'Second Admin',
    role: 'admin',
  });
  expect(invited.status, JSON.stringify(invited.body)).toBe(201);
  secondId = invited.body.id;
  second = apiAs(runtime, 'second.admin@cirrus.local');
});
afterAll(async () => {
  await runtime?.stop();
});

describe('two admins demoting each other at once', () => {
  it('counts the invited admin', async () => {
    expect(await adminCount()).toBe(2);
  });

  it('leaves exactly one admin: one change goes through, the other is 409 user.last_admin', async () => {
    const [a, b] = [await userByEmail('admin@cirrus.local'), await userByEmail('second.admin@cirrus.local')];
    const outcomes = await Promise.all([
      first.patch<ErrorBody>(`/api/users/${b.id}`, { role: 'sales', version: b.version }),
      second.patch<ErrorBody>(`/api/users/${a.id}`, { role: 'sales', version: a.version }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual([200, 409]);
    expect(outcomes.find((o) => o.status === 409)!.body.error).toMatchObject({
      code: 'user.last_admin',
      fields: { role: expect.any(String) },
    });
    expect(await activeAdmins()).toHaveLength(1);
    expect(await adminCount()).toBe(1);
  });

  it('refuses by the count guard even when the profiles show two admins', async () => {
    // Make both admins again (the count follows: 2), then let the guard alone disagree.
    const [a, b] = [await userByEmail('admin@cirrus.local'), await userByEmail('second.admin@cirrus.local')];
    const demoted = [a, b].find((u) => !u.roles.includes('admin'))!;
    const admin = [a, b].find((u) => u.roles.includes('admin'))!;
    const asAdmin = admin.id === secondId ? second : first;
    expect((await asAdmin.patch(`/api/users/${demoted.id}`, { role: 'admin', version: demoted.version })).status).toBe(
      200,
    );
    expect(await adminCount()).toBe(2);
    await db().send(
      new UpdateCommand({
        TableName: runtime.tableName,
        Key: keys.adminCount(),
        UpdateExpression: 'SET #c = :one',
        ExpressionAttributeNames: { '#c': 'count' },
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
    const target = await userByEmail(demoted.email);
    const res = await asAdmin.patch<ErrorBody>(`/api/users/${target.id}`, {
      status: 'disabled',
      version: target.version,
    });
    expect([res.status, res.body.error.code, Object.keys(res.body.error.fields!)]).toEqual([
      409,
      'user.last_admin',
      ['status'],
    ]);
    expect((await userByEmail(demoted.email)).status).not.toBe('disabled');
  });

  it('gives the reservation back when the identity provider refuses the change', async () => {
    await db().send(
      new UpdateCommand({
        TableName: runtime.tableName,
        Key: keys.adminCount(),
        UpdateExpression: 'SET #c = :two',
        ExpressionAttributeNames: { '#c': 'count' },
        ExpressionAttributeValues: { ':two': 2 },
      }),
    );
    const local = new LocalUserDirectory();
    provideUserDirectory(
      Object.assign(Object.create(local), {
        disable: async () => {
          throw new Error('injected: directory unavailable');
        },
      }),
    );
    try {
      const target = await userByEmail('second.admin@cirrus.local');
      const res = await first.patch(`/api/users/${target.id}`, { status: 'disabled', version: target.version });
      expect(res.status).toBe(500);
    } finally {
      provideUserDirectory(local);
    }
    expect(await adminCount()).toBe(2);
    expect(await activeAdmins()).toHaveLength(2);
  });
});
