import { readFileSync } from 'node:fs';
import type { BenchReport, BudgetCheck } from './types.js';

/** The budgets of bench/budgets.json (the issue fixes them; the bench never loosens them). */
export interface Budgets {
  functions: { bundleKb: number; initMs: number };
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

type Measured = Pick<BenchReport, 'functions' | 'api' | 'spa'>;

/** Every budget against what was measured; a measurement that is missing fails its budget. */
export function checkBudgets(report: Measured, budgets: Budgets): BudgetCheck[] {
  const checks: BudgetCheck[] = [];
  const add = (budget: string, subject: string, actual: number | null, limit: number, note?: string) =>
    checks.push({ budget, subject, actual, limit, pass: actual !== null && actual <= limit, note });

  for (const fn of report.functions) {
    const failed = fn.error ? `not measured: ${fn.error}` : undefined;
    add('function bundle KB', fn.id, fn.error ? null : fn.bundleKb, budgets.functions.bundleKb, failed);
    add('function init ms', fn.id, fn.error ? null : fn.initMs, budgets.functions.initMs, failed);
  }

  if (report.api.error) add('DynamoDB requests per API operation', 'api', null, 0, report.api.error);
  for (const op of report.api.operations) {
    add('DynamoDB requests per API operation', op.name, op.cost.requests, budgets.api.dynamoRequestsPerOperation);
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
