import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/runtime.js';

/** `npm start`'s entry point: comes up, prints where to go and who can sign in, and stops cleanly. */
const dataDir = mkdtempSync(join(tmpdir(), 'cirrus-start-'));
let started: ChildProcess | undefined;
afterAll(async () => {
  // A failed or timed-out test must not leave the runtime (and its java) running.
  if (started && started.exitCode === null && started.signalCode === null) {
    const exited = new Promise((done) => started?.once('exit', done));
    started.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

function javaProcessesOn(port: number): Promise<string> {
  return new Promise((done) => {
    const ps = spawn('ps', ['-eo', 'pid,args']);
    let out = '';
    ps.stdout.on('data', (d) => {
      out += d;
    });
    ps.on('close', () =>
      done(
        out
          .split('\n')
          .filter((l) => l.includes('DynamoDBLocal') && l.includes(`-port ${port}`))
          .join('\n'),
      ),
    );
  });
}

describe('the local runtime entry point', () => {
  it('prints the URLs and seeded sign-ins, seeds demo data, and SIGTERM stops every child process', async () => {
    const [port, dynamoPort, sesPort] = [await freePort(), await freePort(), await freePort()];
    const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/main.ts'], {
      env: {
        ...process.env,
        PORT: String(port),
        DYNAMODB_PORT: String(dynamoPort),
        SES_PORT: String(sesPort),
        DATA_DIR: dataDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started = child;
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    const deadline = Date.now() + 90_000;
    while (!output.includes('Press Ctrl-C to stop') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 250));

    expect(output).toContain(`http://localhost:${port}/app/`);
    expect(output).toContain('seeded 30 companies and 200 contacts');
    for (const email of ['admin', 'sysadmin', 'manager', 'sales1', 'sales2', 'support', 'marketing', 'finance']) {
      expect(output).toContain(`${email}@cirrus.local`);
    }
    const health = await fetch(`http://localhost:${port}/api/health`);
    expect(health.status).toBe(200);
    expect(await javaProcessesOn(dynamoPort)).not.toBe('');

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await javaProcessesOn(dynamoPort)).toBe('');
  }, 150_000);
});
