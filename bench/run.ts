import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { esbuildOptionsFor } from '../infra/bundling.js';
import { type Runtime, startRuntime } from '../infra/local/runtime.js';
import { manifest } from '../infra/manifest.js';
import { type ApiCosts, measureApiCosts } from './api-cost.js';
import { checkBudgets, loadBudgets } from './budgets.js';
import { measureFunctions } from './bundles.js';
import { childProcesses } from './children.js';
import { measureAccessCosts } from './cost-access.js';
import { measureContractCosts } from './cost-contracts.js';
import { measureDealCosts } from './cost-deals.js';
import { measureForecastCosts } from './cost-forecast.js';
import { measureLeadCosts } from './cost-leads.js';
import { measureQuoteCosts } from './cost-quotes.js';
import { measureSensitiveCosts } from './cost-sensitive.js';
import { measureWorkCosts } from './cost-work.js';
import { runLoad } from './load.js';
import { renderReport } from './report.js';
import { measureSpa } from './spa.js';
import type { BenchReport, FunctionResult, LoadResult } from './types.js';

/**
 * `npm run bench [-- --check] [-- --build-web] [-- --duration <s>]` (DESIGN.md §14): function
 * bundles and init time, DynamoDB cost per API operation, local API load, SPA entry sizes.
 * Prints tables, writes bench/report.json; with --check, exits 1 when a budget is broken or a
 * measurement is invalid. The phases run one after another so they do not skew each other.
 */

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const check = args.includes('--check');
const forceBuild = args.includes('--build-web');
const durationArg = args.indexOf('--duration');
const durationSeconds = Math.min(10, Math.max(1, Number(durationArg >= 0 ? args[durationArg + 1] : 10) || 10));
const CONNECTIONS = 10;

let runtime: Runtime | undefined;

async function stopRuntime(): Promise<void> {
  const r = runtime;
  runtime = undefined;
  await r?.stop();
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the runtime`);
    childProcesses.abort();
    void stopRuntime().finally(() => process.exit(130));
  });
}

const step = (message: string) => console.error(`bench: ${message}`);

async function functionsPhase(): Promise<FunctionResult[]> {
  const workDir = await mkdtemp(join(tmpdir(), 'cirrus-bench-'));
  try {
    return await measureFunctions({
      root: ROOT,
      workDir,
      functions: Object.entries(manifest.functions).map(([id, decl]) => ({ id, entry: decl.entry })),
      optionsFor: esbuildOptionsFor,
    });
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

async function runtimePhase(): Promise<{ api: ApiCosts; load: LoadResult[] }> {
  const api: ApiCosts = { operations: [], scans: 0 };
  const load: LoadResult[] = [];
  try {
    runtime = await startRuntime({ seed: { companies: 5, contacts: 20 }, timers: false, testTokens: true });
    step(`runtime up at ${runtime.baseUrl}; measuring API operations`);
    Object.assign(api, await measureApiCosts(runtime));
    step('measuring the deals context (board with 2,000 open deals, load more, move)');
    api.operations.push(...(await measureDealCosts(runtime)));
    step('measuring the forecast context (quotas, forecast, sales dashboard)');
    api.operations.push(...(await measureForecastCosts(runtime)));
    step('measuring the leads context (pool, claim, return sweep)');
    api.operations.push(...(await measureLeadCosts(runtime)));
    step('measuring the quotes context (products, quotes, PDF)');
    api.operations.push(...(await measureQuoteCosts(runtime)));
    step('measuring the work context (my tasks, home page, activities, timeline)');
    api.operations.push(...(await measureWorkCosts(runtime)));
    step('measuring the contracts context (reminder sweep: 10 due among 10,000 contracts; lists, detail)');
    api.operations.push(...(await measureContractCosts(runtime)));
    step('measuring identity and access (owner picker, MFA status and enrolment, last-admin guard)');
    api.operations.push(...(await measureAccessCosts(runtime)));
    step('measuring sensitive built-in fields (re-encryption job, blind-index phone match)');
    api.operations.push(...(await measureSensitiveCosts(runtime)));
    await runtime.drain();
    const port = Number(new URL(runtime.baseUrl).port);
    const token = await runtime.token('admin@cirrus.local');
    const targets = [
      { name: 'contacts list', path: '/api/contacts?limit=20', headers: { authorization: `Bearer ${token}` } },
      { name: 'health', path: '/api/health' },
    ];
    for (const target of targets) {
      step(`load ${target.path} for ${durationSeconds} s`);
      load.push(
        await runLoad({
          root: ROOT,
          port,
          target,
          connections: CONNECTIONS,
          durationSeconds,
          onInvocation: runtime.onInvocation,
        }),
      );
    }
  } catch (error) {
    api.error ??= `runtime phase failed: ${(error as Error).message}`;
  } finally {
    await stopRuntime();
  }
  return { api, load };
}

function invalidMeasurements(report: Omit<BenchReport, 'errors' | 'checks'>): string[] {
  const errors: string[] = [];
  for (const op of report.api.operations) {
    if (op.status !== op.expectedStatus) errors.push(`${op.name} answered ${op.status}, expected ${op.expectedStatus}`);
  }
  if (report.api.error) errors.push(`API operations: ${report.api.error}`);
  if (report.load.length === 0) errors.push('load: not run');
  for (const l of report.load) {
    if (l.error) errors.push(`load ${l.url}: ${l.error}`);
    else if (l.errors + l.timeouts + l.non2xx > 0) {
      errors.push(`load ${l.url}: ${l.errors} errors, ${l.timeouts} timeouts, ${l.non2xx} non-2xx responses`);
    }
  }
  return errors;
}

async function main(): Promise<number> {
  const started = performance.now();
  const budgets = loadBudgets(join(ROOT, 'bench/budgets.json'));

  step('SPA entries');
  const spa = await measureSpa(ROOT, { forceBuild });
  step('function bundles and init time');
  const functions = await functionsPhase();
  step('starting the local runtime');
  const { api, load } = await runtimePhase();

  const measured = {
    generatedAt: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpus: cpus().length,
    durationSeconds: Math.round((performance.now() - started) / 100) / 10,
    bundling: 'infra/bundling.ts esbuildOptionsFor (esm, node24, minified, @aws-sdk/* external)',
    functions,
    api,
    load,
    spa,
    budgets,
  };
  const report: BenchReport = {
    ...measured,
    checks: checkBudgets(measured, budgets),
    errors: invalidMeasurements(measured),
  };
  await writeFile(join(ROOT, 'bench/report.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(renderReport(report, budgets));
  console.log('\nReport written to bench/report.json');

  const broken = report.checks.some((c) => !c.pass) || report.errors.length > 0;
  if (!check) return 0;
  console.log(broken ? '\n--check: FAILED (see above)' : '\n--check: all budgets pass');
  return broken ? 1 : 0;
}

main()
  .catch(async (error: unknown) => {
    console.error('bench failed:', error);
    await stopRuntime();
    return check ? 1 : 0;
  })
  .then((code) => process.exit(code));
