import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Runtime } from '../infra/local/runtime.js';
import { nodeBinary } from './bundles.js';
import { childProcesses } from './children.js';
import type { LoadResult } from './types.js';

const run = promisify(execFile);

/** The parts of autocannon's --json output the report uses. */
interface AutocannonJson {
  requests: { average: number; total: number; sent: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
}

export interface LoadTarget {
  name: string;
  path: string;
  headers?: Record<string, string>;
}

/**
 * A bounded load on loopback with autocannon. autocannon runs in its own process so that it
 * does not share this process's event loop with the gateway and the handlers it is measuring.
 */
export async function runLoad(opts: {
  root: string;
  port: number;
  target: LoadTarget;
  connections: number;
  durationSeconds: number;
  /** The runtime's invocation feed: the DynamoDB requests per call are those of the API invocations. */
  onInvocation: Runtime['onInvocation'];
}): Promise<LoadResult> {
  const { root, port, target, connections, durationSeconds } = opts;
  const url = `http://127.0.0.1:${port}${target.path}`;
  const result: LoadResult = {
    name: target.name,
    url: target.path,
    connections,
    durationSeconds,
    requests: 0,
    requestsPerSecond: 0,
    p50Ms: 0,
    p99Ms: 0,
    errors: 0,
    timeouts: 0,
    non2xx: 0,
    dynamoRequestsPerCall: 0,
  };
  const headerArgs = Object.entries(target.headers ?? {}).flatMap(([k, v]) => ['-H', `${k}=${v}`]);
  const args = [
    join(root, 'node_modules/autocannon/autocannon.js'),
    '-c',
    String(connections),
    '-d',
    String(durationSeconds),
    '-j',
    '-n',
    ...headerArgs,
    url,
  ];
  let dynamoRequests = 0;
  const stop = opts.onInvocation((r) => {
    if (r.trigger === 'api') dynamoRequests += r.dbUsage.requests;
  });
  try {
    const { stdout } = await run(nodeBinary(root), args, {
      cwd: root,
      timeout: (durationSeconds + 30) * 1000,
      maxBuffer: 16 * 1024 * 1024,
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      signal: childProcesses.signal,
    });
    const out = JSON.parse(stdout) as AutocannonJson;
    Object.assign(result, {
      requests: out.requests.total,
      requestsPerSecond: Math.round(out.requests.average),
      p50Ms: out.latency.p50,
      p99Ms: out.latency.p99,
      errors: out.errors,
      timeouts: out.timeouts,
      non2xx: out.non2xx,
      // Sent, not completed: requests still in flight when the run ends have reached the handler too.
      dynamoRequestsPerCall: out.requests.sent ? Math.round((dynamoRequests / out.requests.sent) * 100) / 100 : 0,
    });
  } catch (error) {
    result.error = (error as Error).message.slice(0, 300);
  } finally {
    stop();
  }
  return result;
}
