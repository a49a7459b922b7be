import type { Budgets } from './budgets.js';
import type { BenchReport, DbCost } from './types.js';

/** Renders the report as plain-text tables (what `npm run bench` prints). */

type Cell = string | number;

export function table(headers: string[], rows: Cell[][], rightAligned: number[] = []): string {
  const text = rows.map((r) => r.map(String));
  const widths = headers.map((h, i) => Math.max(h.length, ...text.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (rightAligned.includes(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...text.map(line)].join('\n');
}

const mark = (pass: boolean) => (pass ? 'ok' : 'OVER');
const fixed = (n: number, digits = 1) => n.toFixed(digits);

function commands(cost: DbCost): string {
  return (
    Object.entries(cost.byCommand)
      .map(([c, n]) => `${c.replace(/Command$/, '')}${n > 1 ? `×${n}` : ''}`)
      .join(' ') || '-'
  );
}

export function renderReport(report: BenchReport, budgets: Budgets): string {
  const out: string[] = [];
  out.push(
    `Cirrus CRM bench — ${report.generatedAt} — node ${report.node} — ${report.cpus} CPUs — ${fixed(report.durationSeconds)} s`,
  );

  out.push(
    '',
    `Functions (bundle: ${report.bundling}; init: median of ${report.functions[0]?.initRunsMs.length ?? 0} fresh processes)`,
  );
  out.push(
    table(
      [
        'function',
        'entry',
        'bundle KB',
        'init ms',
        'SDK ms',
        'own ms',
        'init runs ms',
        'budget',
        'largest inputs (KB)',
      ],
      report.functions.map((f) => [
        f.id,
        f.entry,
        f.error ? 'error' : fixed(f.bundleKb),
        f.error ? 'error' : fixed(f.initMs),
        f.error ? 'error' : fixed(f.sdkInitMs),
        f.error ? 'error' : fixed(f.ownInitMs),
        f.initRunsMs.map((n) => fixed(n, 0)).join(' '),
        f.error
          ? `ERROR ${f.error}`
          : `${mark(f.bundleKb <= (budgets.functionOverrides[f.id]?.bundleKb ?? budgets.functions.bundleKb))}/${mark(f.ownInitMs <= (budgets.functionOverrides[f.id]?.initMs ?? budgets.functions.initMs))}`,
        f.topInputs.map((i) => `${i.input} ${fixed(i.kb)}`).join(', '),
      ]),
      [2, 3],
    ),
  );
  out.push(
    `budgets: bundle ≤ ${budgets.functions.bundleKb} KB, own init ≤ ${budgets.functions.initMs} ms (KB = 1000 B; init = import of the bundle; SDK = import of the runtime's AWS SDK modules it uses, measured alongside; own = init − SDK)`,
  );
  for (const [id, own] of Object.entries(budgets.functionOverrides)) {
    const limits = [own.bundleKb && `bundle ≤ ${own.bundleKb} KB`, own.initMs && `init ≤ ${own.initMs} ms`].filter(
      Boolean,
    );
    out.push(`  except ${id}: ${limits.join(', ')} — ${own.reason}`);
  }

  out.push('', 'API operations (DynamoDB cost of the request path; background = async follow-up, report-only)');
  out.push(
    table(
      ['operation', 'as', 'status', 'requests', 'commands', 'RCU', 'WCU', 'background', 'budget'],
      report.api.operations.map((op) => [
        op.name,
        op.as,
        op.status === op.expectedStatus ? op.status : `${op.status}≠${op.expectedStatus}`,
        op.cost.requests,
        commands(op.cost),
        fixed(op.cost.readCapacity),
        fixed(op.cost.writeCapacity),
        op.background.requests ? `${op.background.requests} (${commands(op.background)})` : '-',
        mark(op.cost.requests <= (op.requestBudget?.limit ?? budgets.api.dynamoRequestsPerOperation)),
      ]),
      [3, 5, 6],
    ),
  );
  if (report.api.error) out.push(`API phase stopped: ${report.api.error}`);
  out.push(
    `Scans across all operations: ${report.api.scans} (budget ${budgets.api.scans}); budget: ≤ ${budgets.api.dynamoRequestsPerOperation} requests per operation`,
  );

  out.push('', 'Local API load (autocannon on loopback, report-only)');
  out.push(
    table(
      ['target', 'conns', 'secs', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'non-2xx', 'DDB req/call'],
      report.load.map((l) =>
        l.error
          ? [l.url, l.connections, l.durationSeconds, 'error', l.error, '', '', '', '', '']
          : [
              l.url,
              l.connections,
              l.durationSeconds,
              l.requests,
              l.requestsPerSecond,
              l.p50Ms,
              l.p99Ms,
              l.errors + l.timeouts,
              l.non2xx,
              l.dynamoRequestsPerCall,
            ],
      ),
      [1, 2, 3, 4, 5, 6, 7, 8, 9],
    ),
  );

  out.push('', `SPA entries (first page load: module script + preloads + static imports + CSS; gzip -6)`);
  if (report.spa.error) out.push(`SPA: ${report.spa.error}`);
  const spaBudget = { console: budgets.spa.consoleEntryGzipKb, portal: budgets.spa.portalEntryGzipKb };
  out.push(
    table(
      ['entry', 'files', 'raw KB', 'gzip KB', 'budget KB', 'budget'],
      report.spa.entries.map((e) => [
        e.name,
        e.files.length,
        fixed(e.rawKb),
        fixed(e.gzipKb),
        spaBudget[e.name],
        mark(e.gzipKb <= spaBudget[e.name]),
      ]),
      [1, 2, 3, 4],
    ),
  );

  const failed = report.checks.filter((c) => !c.pass);
  out.push('', `Budgets: ${report.checks.length - failed.length}/${report.checks.length} pass`);
  for (const c of failed) {
    out.push(
      `  FAIL ${c.budget} — ${c.subject}: ${c.actual ?? 'not measured'} > ${c.limit}${c.note ? ` (${c.note})` : ''}`,
    );
  }
  for (const e of report.errors) out.push(`  ERROR ${e}`);
  return out.join('\n');
}
