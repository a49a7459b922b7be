import { readFileSync } from 'node:fs';
import type { BenchReport, BudgetCheck } from './types.js';

/** The budgets of bench/budgets.json: the issue fixes them; an exception for one function must carry its reason, printed with the results. */
export interface Budgets {
  functions: { bundleKb: number; initMs: number };
  /** A function allowed more than the default, each with the reason it needs it. */
  functionOverrides: Record<string, { bundleKb?: number; initMs?: number; reason: string }>;
  api: { dynamoRequestsPerOperation: number; scans: number };
  spa: { consoleEntryGzipKb: number; portalEntryGzipKb: number };
}

export function loadBudgets(file: string): Budgets {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Partial<Budgets>;
  const number = (value: unknown, name: string): number => {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`${file}: ${name} must be a number`);
    return value;
  };
  return {
    functions: {
      bundleKb: number(raw.functions?.bundleKb, 'functions.bundleKb'),
      initMs: number(raw.functions?.initMs, 'functions.initMs'),
    },
    functionOverrides: overrides(raw.functionOverrides, file),
    api: {
      dynamoRequestsPerOperation: number(raw.api?.dynamoRequestsPerOperation, 'api.dynamoRequestsPerOperation'),
      scans: number(raw.api?.scans, 'api.scans'),
    },
    spa: {
      consoleEntryGzipKb: number(raw.spa?.consoleEntryGzipKb, 'spa.consoleEntryGzipKb'),
      portalEntryGzipKb: number(raw.spa?.portalEntryGzipKb, 'spa.portalEntryGzipKb'),
    },
  };
}

function overrides(raw: unknown, file: string): Budgets['functionOverrides'] {
  if (raw === undefined) return {};
  const out: Budgets['functionOverrides'] = {};
  for (const [id, value] of Object.entries(
    raw as Record<string, { bundleKb?: unknown; initMs?: unknown; reason?: unknown }>,
  )) {
    if (typeof value.reason !== 'string' || value.reason.length < 20) {
      throw new Error(`${file}: functionOverrides.${id} needs a reason`);
    }
    out[id] = {
      reason: value.reason,
      bundleKb: typeof value.bundleKb === 'number' ? value.bundleKb : undefined,
      initMs: typeof value.initMs === 'number' ? value.initMs : undefined,
    };
  }
  return out;
}

type Measured = Pick<BenchReport, 'functions' | 'api' | 'spa'>;

/** Every budget against what was measured; a measurement that is missing fails its budget. */
export function checkBudgets(report: Measured, budgets: Budgets): BudgetCheck[] {
  const checks: BudgetCheck[] = [];
  const add = (budget: string, subject: string, actual: number | null, limit: number, note?: string) =>
    checks.push({ budget, subject, actual, limit, pass: actual !== null && actual <= limit, note });

  for (const fn of report.functions) {
    const failed = fn.error ? `not measured: ${fn.error}` : undefined;
    const own = budgets.functionOverrides[fn.id];
    const bundleLimit = own?.bundleKb ?? budgets.functions.bundleKb;
    const initLimit = own?.initMs ?? budgets.functions.initMs;
    add(
      'function bundle KB',
      fn.id,
      fn.error ? null : fn.bundleKb,
      bundleLimit,
      failed ?? (own?.bundleKb ? own.reason : undefined),
    );
    add(
      'function init ms',
      fn.id,
      fn.error ? null : fn.ownInitMs,
      initLimit,
      failed ?? (own?.initMs ? own.reason : undefined),
    );
  }

  if (report.api.error) add('DynamoDB requests per API operation', 'api', null, 0, report.api.error);
  for (const op of report.api.operations) {
    add(
      'DynamoDB requests per API operation',
      op.name,
      op.cost.requests,
      op.requestBudget?.limit ?? budgets.api.dynamoRequestsPerOperation,
      op.requestBudget?.reason,
    );
  }
  add('Scans across all API operations', 'api', report.api.error ? null : report.api.scans, budgets.api.scans);

  const entry = (name: 'console' | 'portal') => report.spa.entries.find((e) => e.name === name);
  const missing = report.spa.error ? `missing: ${report.spa.error}` : 'missing';
  const consoleEntry = entry('console');
  const portalEntry = entry('portal');
  add(
    'SPA entry gzip KB',
    'console',
    consoleEntry?.gzipKb ?? null,
    budgets.spa.consoleEntryGzipKb,
    consoleEntry ? undefined : missing,
  );
  add(
    'SPA entry gzip KB',
    'portal',
    portalEntry?.gzipKb ?? null,
    budgets.spa.portalEntryGzipKb,
    portalEntry ? undefined : missing,
  );
  return checks;
}
