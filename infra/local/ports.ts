import { createServer } from 'node:net';

/**
 * Ports of the local runtime. A port that is taken is an error naming the variable that moves it:
 * never a reason to talk to whatever answers there (another project's DynamoDB Local, or one left
 * running, would silently stand in for ours and ignore DATA_DIR).
 */
export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly variable: string,
    host: string,
  ) {
    super(
      `Port ${port} on ${host} is in use (${variable}): stop what listens there, or set ${variable} to a free port.`,
    );
    this.name = 'PortInUseError';
  }
}

/** Resolves when `port` can be bound on `host`; rejects with PortInUseError when it cannot. */
export function assertPortFree(host: string, port: number, variable: string): Promise<void> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      fail(error.code === 'EADDRINUSE' || error.code === 'EACCES' ? new PortInUseError(port, variable, host) : error),
    );
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => done()));
  });
}

/** A port the OS reports free on `host` (tests and port 0). */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, host, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

/** Loopback addresses, as a socket reports its peer (IPv4, IPv6 and IPv4-mapped IPv6). */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}
