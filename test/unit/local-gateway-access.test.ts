import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createGateway, type GatewayDeps } from '../../infra/local/gateway.js';
import { isLoopback } from '../../infra/local/ports.js';

/**
 * Who may use the local runtime's own operations: /local/* (tokens, schedules, drain) and the AWS
 * endpoints the functions call answer only peers on this machine, and /local/token exists only
 * when the runtime was started for tests. The peer address is the socket's, as Node reports it.
 */
function gateway(overrides: Partial<GatewayDeps> = {}) {
  const minted: string[] = [];
  const deps = {
    webRoot: '/nonexistent',
    oidc: {
      owns: () => false,
      mintToken: async (email: string) => {
        minted.push(email);
        return 'a-token';
      },
    },
    authorizers: { staff: async () => undefined, portal: async () => undefined },
    invoke: async () => ({ statusCode: 200, body: '{"status":"ok"}' }),
    bus: {},
    queues: {},
    publicConfig: () => ({}),
    isReady: () => true,
    testTokens: true,
    local: { fireSchedule: async () => 'fired', drain: async () => undefined, status: () => ({ ok: true }) },
    ...overrides,
  } as unknown as GatewayDeps;
  return { handle: createGateway(deps), minted };
}

async function send(
  handle: ReturnType<typeof createGateway>,
  request: { method: string; path: string; peer: string; body?: unknown; headers?: Record<string, string> },
) {
  const req = Object.assign(Readable.from(request.body ? [Buffer.from(JSON.stringify(request.body))] : []), {
    method: request.method,
    url: request.path,
    headers: { host: 'localhost', ...request.headers },
    socket: { remoteAddress: request.peer },
  }) as unknown as IncomingMessage;
  let status = 0;
  let body = '';
  const res = {
    headersSent: false,
    writeHead(code: number) {
      status = code;
      return this;
    },
    end(chunk?: string) {
      body = chunk ?? '';
    },
  } as unknown as ServerResponse;
  await handle(req, res);
  return { status, body: body ? JSON.parse(body) : undefined };
}

describe('the local gateway', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.0.3', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['192.0.2.2', false],
    ['::ffff:10.0.0.5', false],
    ['fd00::2', false],
    [undefined, false],
  ])('counts %s as loopback: %s', (address, expected) => {
    expect(isLoopback(address)).toBe(expected);
  });

  it('mints a test token for a loopback caller when started for tests', async () => {
    const { handle, minted } = gateway();
    const res = await send(handle, {
      method: 'POST',
      path: '/local/token',
      peer: '127.0.0.1',
      body: { email: 'admin@cirrus.local' },
    });
    expect(res.status).toBe(200);
    expect(minted).toEqual(['admin@cirrus.local']);
  });

  it('refuses /local/token from another machine, even when started for tests, and mints nothing', async () => {
    const { handle, minted } = gateway();
    const res = await send(handle, {
      method: 'POST',
      path: '/local/token',
      peer: '192.0.2.7',
      body: { email: 'admin@cirrus.local' },
    });
    expect(res.status).toBe(403);
    expect(minted).toEqual([]);
  });

  it('has no /local/token at all when not started for tests', async () => {
    const { handle, minted } = gateway({ testTokens: false });
    const res = await send(handle, {
      method: 'POST',
      path: '/local/token',
      peer: '127.0.0.1',
      body: { email: 'admin@cirrus.local' },
    });
    expect(res.status).toBe(404);
    expect(minted).toEqual([]);
  });

  it.each([
    ['POST', '/local/schedules/reminder-sweep/fire', {}],
    ['POST', '/local/drain', {}],
    ['GET', '/local/status', {}],
    ['POST', '/', { 'x-amz-target': 'AWSEvents.PutEvents' }],
  ])('refuses %s %s from another machine', async (method, path, headers) => {
    const { handle } = gateway();
    expect((await send(handle, { method, path, peer: '::ffff:192.0.2.9', headers })).status).toBe(403);
  });

  it('answers health with 503 "starting" until the runtime is ready, without invoking a function', async () => {
    let invoked = 0;
    const { handle } = gateway({
      isReady: () => false,
      invoke: async () => {
        invoked++;
        return { statusCode: 200, body: '{}' };
      },
    });
    const res = await send(handle, { method: 'GET', path: '/api/health', peer: '192.0.2.7' });
    expect(res).toEqual({ status: 503, body: { status: 'starting' } });
    expect(invoked).toBe(0);
  });
});
