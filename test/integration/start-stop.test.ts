import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  busyPorts,
  dynamoDbLocalProcesses,
  type LocalStart,
  listenersOn,
  localPorts,
  startLocal,
} from '../support/local-start.js';

/**
 * `npm start`'s entry point as a user runs it: it comes up on loopback only, prints where to go,
 * and whatever the moment of the signal (during the start, mid-seed, under load, Ctrl-C twice, the
 * process killed outright), nothing is left behind: no DynamoDB Local JVM, no port held, and the
 * data folder opens again, with the demo seed complete exactly once.
 */
const dataDirs: string[] = [];
const running = new Set<LocalStart>();
const newDataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'cirrus-start-'));
  dataDirs.push(dir);
  return dir;
};
const start = (...args: Parameters<typeof startLocal>) => {
  const started = startLocal(...args);
  running.add(started);
  void started.exited(600_000).then(
    () => running.delete(started),
    () => undefined,
  );
  return started;
};
afterEach(async () => {
  // A failed or timed-out test must not leave a runtime (and its java) running.
  for (const r of running) {
    r.child.kill('SIGKILL');
    await r.exited().catch(() => undefined);
  }
});
afterAll(() => {
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

/** The runtime exited and left nothing: no JVM on its port, every port free again. */
async function expectNothingLeft(r: LocalStart) {
  expect(r.child.exitCode !== null || r.child.signalCode !== null).toBe(true);
  expect(dynamoDbLocalProcesses(r.ports.DYNAMODB_PORT)).toEqual([]);
  expect(await busyPorts(r.ports)).toEqual([]);
}

/** A small deterministic generator (fixed seed): the same "random" moments on every run. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

async function contactsAsAdmin(baseUrl: string): Promise<number> {
  const tokenRes = await fetch(`${baseUrl}/local/token`, {
    method: 'POST',
    body: JSON.stringify({ email: 'admin@cirrus.local' }),
  });
  const { id_token } = (await tokenRes.json()) as { id_token: string };
  let count = 0;
  let cursor: string | null = null;
  do {
    const page = (await (
      await fetch(`${baseUrl}/api/contacts?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, {
        headers: { authorization: `Bearer ${id_token}` },
      })
    ).json()) as { items: unknown[]; nextCursor: string | null };
    count += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return count;
}

describe('the local runtime entry point', () => {
  it('listens on loopback only, says "starting" until the seed is done, prints the sign-ins, and SIGTERM leaves nothing', async () => {
    const ports = await localPorts();
    const r = start(newDataDir(), ports);
    await r.waitFor('Seeding the demo data');
    const during = await fetch(`http://127.0.0.1:${ports.PORT}/api/health`);
    expect({ status: during.status, body: await during.json() }).toEqual({ status: 503, body: { status: 'starting' } });
    await r.waitFor('Press Ctrl-C to stop');

    expect(r.output()).toContain(`http://localhost:${ports.PORT}/app/`);
    expect(r.output()).toContain('seeded 30 companies and 200 contacts');
    for (const email of ['admin', 'sysadmin', 'manager', 'sales1', 'sales2', 'support', 'marketing', 'finance']) {
      expect(r.output()).toContain(`${email}@cirrus.local`);
    }
    const health = await fetch(`http://localhost:${ports.PORT}/api/health`);
    expect(health.status).toBe(200);
    for (const port of Object.values(ports)) {
      expect(listenersOn(port).sort()).toEqual(port === ports.DYNAMODB_PORT ? ['::ffff:127.0.0.1'] : ['127.0.0.1']);
    }
    // Without CIRRUS_TEST_TOKENS nobody mints a token without a password, not even on this machine.
    const token = await fetch(`http://localhost:${ports.PORT}/local/token`, {
      method: 'POST',
      body: JSON.stringify({ email: 'admin@cirrus.local' }),
    });
    expect(token.status).toBe(404);
    expect(dynamoDbLocalProcesses(ports.DYNAMODB_PORT)).toHaveLength(1);

    r.child.kill('SIGTERM');
    expect(await r.exited()).toBe(0);
    await expectNothingLeft(r);
  }, 180_000);

  it('refuses a busy port naming the variable to change, and talks to nothing that answers there', async () => {
    const ports = await localPorts();
    const squatter: Server = createServer();
    await new Promise<void>((done) => squatter.listen(ports.DYNAMODB_PORT, '127.0.0.1', done));
    try {
      const r = start(newDataDir(), ports);
      expect(await r.exited()).toBe(1);
      expect(r.output()).toContain(`Port ${ports.DYNAMODB_PORT} on 127.0.0.1 is in use (DYNAMODB_PORT)`);
      expect(r.output()).toContain('set DYNAMODB_PORT to a free port');
      expect(dynamoDbLocalProcesses(ports.DYNAMODB_PORT)).toEqual([]);
    } finally {
      await new Promise((done) => squatter.close(done));
    }
  });

  it('stops cleanly at ten random moments (start, mid-seed, under load, Ctrl-C twice, killed) and then seeds exactly once', async () => {
    const dataDir = newDataDir();
    const ports = await localPorts();
    const random = seeded(20261203);
    const moments: string[] = [];
    const signalAfter = async (r: LocalStart, ms: number, signal: NodeJS.Signals = 'SIGTERM') => {
      // A bounded wait before the signal: the moment under test, not a wait for a result.
      await new Promise((done) => setTimeout(done, ms));
      r.child.kill(signal);
    };

    // 1-3: stopped while the first start is seeding (each later start drops the half demo and seeds again).
    for (let i = 0; i < 3; i++) {
      const r = start(dataDir, ports);
      await r.waitFor('Seeding the demo data');
      await signalAfter(r, Math.floor(random() * 4000));
      expect(await r.exited()).toBe(0);
      await expectNothingLeft(r);
      moments.push('mid-seed');
    }
    // 4-5: stopped at a random moment of the start, before or after DynamoDB Local came up.
    for (let i = 0; i < 2; i++) {
      const r = start(dataDir, ports);
      await r.waitFor('Starting Cirrus CRM locally');
      await signalAfter(r, Math.floor(random() * 3000), 'SIGINT');
      expect(await r.exited()).toBe(0);
      await expectNothingLeft(r);
      moments.push('start');
    }
    // 6: Ctrl-C twice mid-seed: the second one (past the 200 ms in which a relayed copy of the
    // first arrives) forces at once, unless the graceful stop already finished.
    {
      const r = start(dataDir, ports);
      await r.waitFor('Seeding the demo data');
      r.child.kill('SIGINT');
      await r.waitFor('stopping every local service');
      await signalAfter(r, 250, 'SIGINT');
      const code = await r.exited(5_000);
      expect(code).toBe(r.output().includes('SIGINT again: killing every local service now') ? 1 : 0);
      await expectNothingLeft(r);
      moments.push('Ctrl-C twice');
    }
    // 7: the seed completes, then SIGTERM under load (API calls in flight).
    {
      const r = start(dataDir, ports, { CIRRUS_TEST_TOKENS: '1' });
      await r.waitFor('Press Ctrl-C to stop', 150_000);
      const base = `http://localhost:${ports.PORT}`;
      const load = Array.from({ length: 20 }, () => contactsAsAdmin(base).catch(() => -1));
      await signalAfter(r, Math.floor(random() * 300));
      await Promise.all(load);
      expect(await r.exited()).toBe(0);
      await expectNothingLeft(r);
      moments.push('under load');
    }
    // 8-9: stopped at a random moment of a start on the seeded folder.
    for (let i = 0; i < 2; i++) {
      const r = start(dataDir, ports);
      await r.waitFor('Starting Cirrus CRM locally');
      await signalAfter(r, Math.floor(random() * 4000));
      expect(await r.exited()).toBe(0);
      await expectNothingLeft(r);
      moments.push('start');
    }
    // 10: the Node process killed outright (no handler runs): DynamoDB Local ends with it.
    {
      const r = start(dataDir, ports);
      await r.waitFor('Press Ctrl-C to stop');
      r.child.kill('SIGKILL');
      await r.exited();
      // The JVM notices its parent's end of the pipe closing; give it a bounded moment to exit.
      for (let i = 0; i < 100 && dynamoDbLocalProcesses(ports.DYNAMODB_PORT).length > 0; i++) {
        await new Promise((done) => setTimeout(done, 100));
      }
      await expectNothingLeft(r);
      moments.push('killed');
    }
    expect(moments).toHaveLength(10);

    // The folder opens again: the seed was completed once (in run 7), with no duplicate of anything.
    const last = start(dataDir, ports, { CIRRUS_TEST_TOKENS: '1' });
    await last.waitFor('Press Ctrl-C to stop');
    expect(last.output()).not.toContain('Seeding the demo data');
    // 200 demo contacts and the 9 leads of seed-leads.ts, each once.
    expect(await contactsAsAdmin(`http://localhost:${ports.PORT}`)).toBe(209);
    last.child.kill('SIGTERM');
    expect(await last.exited()).toBe(0);
    await expectNothingLeft(last);
  }, 600_000);
});
