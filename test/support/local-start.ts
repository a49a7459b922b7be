import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { assertPortFree, freePort } from '../../infra/local/ports.js';

/**
 * `npm start`'s entry point (infra/local/main.ts) as a child process, for the tests that start and
 * stop it the way a user does: its output is watched, never slept on.
 */
export interface LocalStart {
  child: ChildProcess;
  ports: { PORT: number; DYNAMODB_PORT: number; SES_PORT: number };
  output(): string;
  /** Resolves once the output contains `text`; rejects if the process exits first or time runs out. */
  waitFor(text: string, timeoutMs?: number): Promise<void>;
  /** The exit code (null when killed by a signal), within `timeoutMs`. */
  exited(timeoutMs?: number): Promise<number | null>;
}

export async function localPorts(): Promise<LocalStart['ports']> {
  return { PORT: await freePort(), DYNAMODB_PORT: await freePort(), SES_PORT: await freePort() };
}

export function startLocal(dataDir: string, ports: LocalStart['ports'], env: Record<string, string> = {}): LocalStart {
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/main.ts'], {
    env: {
      ...process.env,
      ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
      DATA_DIR: dataDir,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (d: Buffer) => {
    output += d;
    for (const l of listeners) l();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exit = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const within = <T>(promise: Promise<T>, timeoutMs: number, what: string) => {
    let timer: NodeJS.Timeout | undefined;
    return Promise.race([
      promise,
      new Promise<never>((_, fail) => {
        timer = setTimeout(() => fail(new Error(`${what} within ${timeoutMs} ms; output:\n${output}`)), timeoutMs);
      }),
    ]).finally(() => clearTimeout(timer));
  };
  return {
    child,
    ports,
    output: () => output,
    waitFor: (text, timeoutMs = 120_000) =>
      within(
        new Promise<void>((done, fail) => {
          const check = () => {
            if (output.includes(text)) {
              listeners.delete(check);
              done();
            }
          };
          listeners.add(check);
          check();
          void exit.then(() => {
            if (!output.includes(text)) fail(new Error(`exited before printing "${text}"; output:\n${output}`));
          });
        }),
        timeoutMs,
        `no "${text}"`,
      ),
    exited: (timeoutMs = 30_000) => within(exit, timeoutMs, 'did not exit'),
  };
}

/** Command lines of running DynamoDB Local JVMs on `port` (empty when none is left). */
export function dynamoDbLocalProcesses(port: number): string[] {
  const lines: string[] = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
    } catch {
      continue; // ended while we looked
    }
    if (cmdline.includes('DynamoDBLocal') && cmdline.includes(`-port ${port} `)) lines.push(cmdline);
  }
  return lines;
}

/** The ports that cannot be bound on loopback right now (empty when all are free). */
export async function busyPorts(ports: LocalStart['ports']): Promise<string[]> {
  const busy: string[] = [];
  for (const [variable, port] of Object.entries(ports)) {
    await assertPortFree('127.0.0.1', port, variable).catch(() => busy.push(`${variable}=${port}`));
  }
  return busy;
}

/**
 * The local addresses listening on `port`, from the kernel's socket tables, as dotted IPv4 or
 * IPv6 hex ("127.0.0.1", "0.0.0.0", "::ffff:127.0.0.1", "::").
 */
export function listenersOn(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const found: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (!local || state !== '0A') continue; // 0A = LISTEN
      const [address, p] = local.split(':');
      if (p !== hexPort || !address) continue;
      found.push(address.length === 8 ? ipv4(address) : ipv6(address));
    }
  }
  return found;
}

const ipv4 = (hex: string) =>
  (hex.match(/../g) ?? [])
    .reverse()
    .map((b) => Number.parseInt(b, 16))
    .join('.');

function ipv6(hex: string): string {
  // Four 32-bit words in host (little-endian) order; an IPv4-mapped address is ::ffff: + the IPv4 word.
  const raw = hex.toLowerCase().match(/.{8}/g) ?? [];
  if (raw.every((w) => w === '00000000')) return '::';
  if (raw[0] === '00000000' && raw[1] === '00000000' && raw[2] === 'ffff0000') return `::ffff:${ipv4(raw[3] ?? '')}`;
  return raw.map((w) => (w.match(/../g) ?? []).reverse().join('')).join(':');
}
