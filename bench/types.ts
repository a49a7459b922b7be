/** The shape of bench/report.json: one run of every measurement, side by side. */

export interface InputShare {
  /** A package name (node_modules) or a source folder of this repository. */
  input: string;
  kb: number;
}

export interface FunctionResult {
  id: string;
  entry: string;
  /** Minified bundle size, KB = 1000 bytes. */
  bundleKb: number;
  /** Median time to `await import(bundle)` in a fresh node process: what a cold start costs. */
  initMs: number;
  initRunsMs: number[];
  /**
   * Median time to import only the AWS SDK modules the bundle leaves external (the Lambda
   * runtime's own SDK), measured in the same interleaved runs: the part no bundle can change.
   */
  sdkInitMs: number;
  /** initMs − sdkInitMs: the init cost of our own code and bundled dependencies (the budget). */
  ownInitMs: number;
  /** The largest contributors to the bundle, for explaining a size. */
  topInputs: InputShare[];
  error?: string;
}

export interface DbCost {
  requests: number;
  byCommand: Record<string, number>;
  readCapacity: number;
  writeCapacity: number;
}

export interface ApiOperationResult {
  name: string;
  method: string;
  path: string;
  as: string;
  status: number;
  expectedStatus: number;
  /** What the request path itself cost (from request sent to response read). */
  cost: DbCost;
  /**
   * What the asynchronous follow-up cost (stream → outbox relay → bus → consumers), measured
   * by draining the runtime after the response. Reported, not part of the per-request budget.
   */
  background: DbCost;
  /**
   * This operation's own bound on DynamoDB requests, with its reason, when it reads by design
   * more than a list does (e.g. one Query per month partition of a forecast). Default: the
   * budgets.json `api.dynamoRequestsPerOperation`.
   */
  requestBudget?: { limit: number; reason: string };
}

export interface LoadResult {
  name: string;
  url: string;
  connections: number;
  durationSeconds: number;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** DynamoDB requests per HTTP request during the run (in-process counter). */
  dynamoRequestsPerCall: number;
  error?: string;
}

export interface SpaFile {
  file: string;
  kind: 'script' | 'modulepreload' | 'import' | 'stylesheet';
  bytes: number;
  gzipBytes: number;
}

export interface SpaEntryResult {
  name: 'console' | 'portal';
  html: string;
  files: SpaFile[];
  rawKb: number;
  gzipKb: number;
}

export interface SpaResult {
  built: boolean;
  entries: SpaEntryResult[];
  error?: string;
}

export interface BenchReport {
  generatedAt: string;
  node: string;
  platform: string;
  cpus: number;
  durationSeconds: number;
  bundling: string;
  functions: FunctionResult[];
  api: { operations: ApiOperationResult[]; scans: number; error?: string };
  load: LoadResult[];
  spa: SpaResult;
  budgets: unknown;
  checks: BudgetCheck[];
  /** Problems that make a measurement invalid (wrong status, a phase that crashed). */
  errors: string[];
}

export interface BudgetCheck {
  budget: string;
  subject: string;
  actual: number | null;
  limit: number;
  pass: boolean;
  note?: string;
}
