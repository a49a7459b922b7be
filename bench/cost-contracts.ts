import { randomUUID } from 'node:crypto';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Runtime } from '../infra/local/runtime.js';
import { STAFF_USERS } from '../infra/local/staff-users.js';
import { db, tableName } from '../shared/db/client.js';
import { contractIndexKeys, contractKeys } from '../shared/db/keys.contracts.js';
import { reminderItem } from '../shared/db/reminders.js';
import { daysBefore } from '../shared/domain/notifications/reminder-times.js';
import { apiClient, apiMeasurer, measureCost, recordOperation } from './measure.js';
import type { ApiOperationResult } from './types.js';

/**
 * DynamoDB cost of the contracts context: the reminder sweep with DUE due reminders among
 * BACKGROUND + DUE contracts (the 10,000 written directly with BatchWriteItem, each with an armed
 * reminder months ahead, as the API would leave them), the same sweep again with nothing due
 * (its fixed part), and the list, expiring-soon list and detail requests. The sweep's cost must
 * follow the due count: its request budget is computed from it, never from the table size.
 */

const BACKGROUND = 10_000;
const DUE = 10;
const BATCH = 25;
const PARALLEL_BATCHES = 4;
const SALES1 = STAFF_USERS.find((u) => u.email === 'sales1@cirrus.local')!;

/**
 * The sweep: one Query page of the due index per 100 due, and one transaction per due reminder.
 * The notifier consuming the fired reminders runs meanwhile; its requests are its own invocation's
 * (reported as background), never the sweep's.
 */
const sweepBudget = (due: number) => ({
  limit: Math.max(1, Math.ceil(due / 100)) + due,
  reason: `the reminder sweep reads the due index (one Query per 100 due) and fires each due reminder in one transaction: ${Math.max(1, Math.ceil(due / 100))} + ${due} for ${due} due whatever the table holds`,
});

export async function measureContractCosts(runtime: Runtime): Promise<ApiOperationResult[]> {
  const operations: ApiOperationResult[] = [];
  const send = await apiClient(runtime, ['admin@cirrus.local', 'sales1@cirrus.local']);

  const companies = await send<{ items: { id: string }[] }>({ method: 'GET', path: '/api/companies?limit=1' });
  const companyId = companies.body.items[0]?.id;
  if (!companyId) throw new Error('The bench needs a seeded company');

  const today = new Date().toISOString().slice(0, 10);
  // The instant the 7-day reminder of a contract ending in 10 days is due (09:00 in its zone), plus an hour.
  const endOfDue = daysBefore(today, -10);
  const at = new Date(`${daysBefore(endOfDue, 7)}T10:00:00.000Z`);

  step(`writing ${BACKGROUND.toLocaleString('en')} contracts with their reminders (BatchWriteItem)`);
  await writeBackgroundContracts(companyId, today);
  // Anything else due by then (seeded tasks, seeded contracts) fires now, so the measured run
  // sees exactly the DUE contracts below.
  await runtime.fireSchedule('reminder-sweep', at);
  await runtime.drain();

  for (let i = 0; i < DUE; i++) {
    const res = await send<{ id: string }>({
      method: 'POST',
      path: '/api/contracts',
      as: 'sales1@cirrus.local',
      body: {
        title: `Bench due contract ${i}`,
        companyId,
        startDate: daysBefore(today, 355),
        endDate: endOfDue,
        value: 1_000_000,
        currency: 'CNY',
        reminderOffsets: ['7d'],
      },
    });
    if (res.status !== 201) throw new Error(`Creating a due bench contract answered ${res.status}`);
  }
  await runtime.drain();

  const sweep = async (name: string, expectedFired: number) => {
    const { result, cost, background } = await measureCost(
      runtime,
      async () => (await runtime.fireSchedule('reminder-sweep', at)) as { fired: number; failed: number },
    );
    if (result.fired !== expectedFired || result.failed !== 0) {
      throw new Error(`The reminder sweep fired ${result.fired} (failed ${result.failed}), expected ${expectedFired}`);
    }
    recordOperation(
      operations,
      {
        name: `${name} (fired ${result.fired})`,
        method: 'SCHEDULE',
        path: 'reminder-sweep',
        as: 'scheduler',
        status: 200,
        expectedStatus: 200,
        requestBudget: sweepBudget(expectedFired),
      },
      cost,
      background,
    );
  };
  await sweep(
    `reminder sweep: ${DUE} due among ${(BACKGROUND + DUE).toLocaleString('en')} contracts (+ e-mails, notifications in background)`,
    DUE,
  );
  await sweep('reminder sweep: run again, nothing due', 0);

  const measured = apiMeasurer<{ items?: { id: string }[] }>(runtime, send, operations);
  const measure = (name: string, path: string, as: string) => measured(name, { method: 'GET', path, as });

  const mine = await measure('contract list, a rep (20)', '/api/contracts?limit=20', 'sales1@cirrus.local');
  await measure('contract list, admin (20)', '/api/contracts?limit=20', 'admin@cirrus.local');
  await measure(
    'contracts expiring within 30 days (20)',
    '/api/contracts?endingWithinDays=30&limit=20',
    'sales1@cirrus.local',
  );
  const first = mine.items?.[0]?.id;
  if (first) await measure('contract detail (with attachments)', `/api/contracts/${first}`, 'sales1@cirrus.local');
  return operations;
}

const step = (message: string) => console.error(`bench: ${message}`);

/**
 * Active contracts of sales1 ending 60 to 400 days from today, each with its 30-day reminder
 * armed in the due index (due 30 to 370 days ahead): the table the sweep must not read.
 */
async function writeBackgroundContracts(companyId: string, today: string): Promise<void> {
  const at = new Date().toISOString();
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < BACKGROUND; i++) {
    const id = randomUUID();
    const endDate = daysBefore(today, -(60 + (i % 340)));
    const number = `CT-B${String(i).padStart(6, '0')}`;
    const reminder = { offset: '30d', dueAt: `${daysBefore(endDate, 30)}T01:00:00.000Z`, event: 'contract.expiring' };
    const contract = {
      id,
      number,
      title: `Bench contract ${i}`,
      companyId,
      companyName: 'Bench company',
      startDate: daysBefore(endDate, 365),
      endDate,
      value: 500_000,
      currency: 'CNY',
      status: 'active',
      reminderOffsets: ['30d'],
      timeZone: 'UTC',
      schedule: [],
      payments: [],
      paid: 0,
      ownerId: SALES1.id,
      ownerName: SALES1.name,
      reminders: [reminder],
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    items.push({ ...contractKeys.contract(id), type: 'Contract', ...contract, ...contractIndexKeys(contract) });
    items.push({ ...reminderItem('contract', id, `${number} ${contract.title}`, SALES1.id, reminder) });
  }
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += BATCH) batches.push(items.slice(i, i + BATCH));
  for (let i = 0; i < batches.length; i += PARALLEL_BATCHES) {
    await Promise.all(batches.slice(i, i + PARALLEL_BATCHES).map(writeBatch));
  }
}

async function writeBatch(batch: Record<string, unknown>[]): Promise<void> {
  let requests = batch.map((Item) => ({ PutRequest: { Item } }));
  for (let attempt = 0; requests.length > 0; attempt++) {
    if (attempt > 5) throw new Error('BatchWriteItem kept items unprocessed');
    const out = await db().send(new BatchWriteCommand({ RequestItems: { [tableName()]: requests } }));
    requests = (out.UnprocessedItems?.[tableName()] ?? []) as typeof requests;
  }
}
