import { afterAll, beforeAll } from 'vitest';
import type { Runtime, RuntimeOptions } from '../../infra/local/runtime.js';
import { STAFF_USERS } from '../../infra/local/staff-users.js';
import { type Api, apiAs, startTestRuntime } from './runtime.js';

/** The seeded staff member's id (infra/local/staff-users.ts). */
export const staffId = (email: string) => STAFF_USERS.find((u) => u.email === email)!.id;

export interface TestRuntime {
  /** The file's runtime, started in beforeAll (reading it outside a hook or test throws). */
  readonly runtime: Runtime;
  /** A client acting as any seeded user (usable at the top of the file, it signs in on first call). */
  as(email: string): Api;
  admin: Api;
  manager: Api;
  sales1: Api;
  sales2: Api;
  finance: Api;
}

/**
 * One local runtime for a test file: started in beforeAll (registered first, so the file's own
 * beforeAll can use it) and stopped in afterAll, with API clients for the seeded staff (East 华东:
 * manager, sales1; West: sales2). Call it once at the top of the file.
 */
export function setUpRuntime(options: RuntimeOptions = {}): TestRuntime {
  let started: Runtime | undefined;
  const runtime = () => {
    if (!started) throw new Error('setUpRuntime: the runtime is read before beforeAll started it');
    return started;
  };
  beforeAll(async () => {
    started = await startTestRuntime(options);
  });
  afterAll(async () => {
    await started?.stop();
  });
  // The clients read the runtime when they send, so they can be made before it starts.
  const deferred = {
    get baseUrl() {
      return runtime().baseUrl;
    },
    token: (email: string) => runtime().token(email),
  };
  const as = (email: string) => apiAs(deferred, email);
  return {
    get runtime() {
      return runtime();
    },
    as,
    admin: as('admin@cirrus.local'),
    manager: as('manager@cirrus.local'),
    sales1: as('sales1@cirrus.local'),
    sales2: as('sales2@cirrus.local'),
    finance: as('finance@cirrus.local'),
  };
}
