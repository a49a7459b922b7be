import type { Context } from 'aws-lambda';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { manifest, routesOf } from '../../infra/manifest.js';
import { routeKey } from '../../infra/manifest.types.js';
import { logger } from '../../shared/http/logger.js';
import type { HttpEvent } from '../../shared/http/middleware/types.js';
import { defineRoute, ok } from '../../shared/http/route.js';
import { createHandler } from '../../shared/http/router.js';

/**
 * The local runtime hosts every handler in one process and serves requests concurrently (so does
 * a Lambda environment running several invocations at once): each request's log lines must carry
 * its own request id, never the id of a request that started meanwhile, and no personal data.
 */

const PERSON = { email: 'avery.chen@example.com', name: 'Avery Chen' };

/** A gate a test opens when it chooses: the step that makes two requests overlap. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

/** An API Gateway event of a signed-in admin whose token carries an e-mail and a name. */
function anAdminEvent(requestId: string): HttpEvent {
  return {
    routeKey: 'GET /api/audit',
    headers: { 'x-user-email': PERSON.email },
    requestContext: {
      requestId,
      authorizer: {
        jwt: {
          claims: { sub: 'u-1', email: PERSON.email, name: PERSON.name, 'cognito:groups': '[admin]' },
          scopes: [],
        },
      },
    },
  } as unknown as HttpEvent;
}

/** The JSON lines the logger writes while `run` runs. */
async function logLinesOf(run: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  const written: string[] = [];
  const capture = (chunk: unknown) => {
    written.push(String(chunk));
    return true;
  };
  vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  vi.spyOn(process.stderr, 'write').mockImplementation(capture);
  await run();
  vi.restoreAllMocks();
  return written
    .join('')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('log context per request', () => {
  beforeAll(() => {
    process.env.TABLE_NAME ??= 'test-table';
    logger.setLogLevel('INFO');
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('gives each of two overlapping requests its own request id on every line, and logs no personal data', async () => {
    const entered = { first: gate(), second: gate() };
    const release = { first: gate(), second: gate() };
    const others = manifest.routes.filter((r) => r.function === 'audit').map(routeKey);
    const handler = createHandler(routesOf('audit'), {
      ...Object.fromEntries(others.map((key) => [key, defineRoute({ handle: async () => ok({}) })])),
      'GET /api/audit': defineRoute({
        handle: async ({ requestId }) => {
          const id = requestId as keyof typeof entered;
          logger.info('reading the audit log');
          entered[id].open();
          await release[id].opened;
          logger.info('audit log read');
          return ok({ items: [] });
        },
      }),
    });

    const lines = await logLinesOf(async () => {
      // The first request waits in its handler while the second one starts, logs and waits too;
      // then the first finishes, then the second.
      const first = handler(anAdminEvent('first'), {} as Context);
      await entered.first.opened;
      const second = handler(anAdminEvent('second'), {} as Context);
      await entered.second.opened;
      release.first.open();
      const firstDone = await first;
      release.second.open();
      const secondDone = await second;
      expect([firstDone.statusCode, secondDone.statusCode]).toEqual([200, 200]);
    });

    const summary = lines.map((l) => [l.requestId, l.message]);
    expect(summary).toEqual([
      ['first', 'reading the audit log'],
      ['second', 'reading the audit log'],
      ['first', 'audit log read'],
      ['first', 'request completed'],
      ['second', 'audit log read'],
      ['second', 'request completed'],
    ]);
    expect(lines.every((l) => l.route === 'GET /api/audit')).toBe(true);
    const text = JSON.stringify(lines);
    expect(text).not.toContain(PERSON.email);
    expect(text).not.toContain(PERSON.name);
  });
});
