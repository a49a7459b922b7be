import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, stat, symlink, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { type BuildOptions, build, type Metafile } from 'esbuild';
import { childProcesses } from './children.js';
import type { FunctionResult, InputShare } from './types.js';

const run = promisify(execFile);

export type BundleOptionsFor = (entry: string, outfile: string) => BuildOptions;

export interface FunctionDecl {
  id: string;
  entry: string;
}

/**
 * The environment a function reads at cold start, as the CDK app sets it (dummy values: init
 * must not call AWS). Nothing else is inherited: no NODE_OPTIONS, no loaders.
 */
function lambdaLikeEnv(): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TZ: 'UTC',
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512',
    TABLE_NAME: 'cirrus-crm-crm',
    EVENT_BUS_NAME: 'cirrus-crm-bus',
    QUEUE_URL_PURGE: 'https://sqs.us-east-1.amazonaws.com/000000000000/cirrus-crm-purge',
    APP_URL: 'https://crm.example.com',
    MAIL_FROM: 'Cirrus CRM <no-reply@example.com>',
    POWERTOOLS_SERVICE_NAME: 'cirrus-crm',
    POWERTOOLS_LOG_LEVEL: 'WARN',
  };
}

/** Imports one bundle, prints how long the import took, and exits (open handles or not). */
const RUNNER = `
const url = process.argv[2];
const started = performance.now();
const mod = await import(url);
const ms = performance.now() - started;
if (typeof mod.handler !== 'function') {
  console.error('the bundle exports no handler');
  process.exit(2);
}
process.stdout.write(JSON.stringify({ ms }));
process.exit(0);
`;

/** The Node the project runs on (package.json engines: node_modules/.bin/node), else this one. */
export function nodeBinary(root: string): string {
  const local = join(root, 'node_modules/.bin/node');
  return existsSync(local) ? local : process.execPath;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** A module that imports exactly the external AWS SDK packages the bundle imports, and nothing else. */
function sdkBaseline(metafile: Metafile, outfile: string, root: string): string {
  const output = Object.entries(metafile.outputs).find(([path]) => resolve(root, path) === outfile)?.[1];
  const external = [
    ...new Set((output?.imports ?? []).filter((i) => i.external && i.path.startsWith('@aws-sdk/')).map((i) => i.path)),
  ];
  return `${external.map((path) => `import '${path}';`).join('\n')}\nexport const handler = () => {};\n`;
}

/** Groups the bytes a bundle took from each input by package (or by source folder). */
function topInputs(metafile: Metafile, outfile: string, root: string, count = 6): InputShare[] {
  const output = Object.entries(metafile.outputs).find(([path]) => resolve(root, path) === outfile)?.[1];
  const shares = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    const inModules = path.lastIndexOf('node_modules/');
    let group: string;
    if (inModules >= 0) {
      const parts = path.slice(inModules + 'node_modules/'.length).split('/');
      group = parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
    } else {
      group = relative(root, resolve(root, path)).split('/').slice(0, 2).join('/');
    }
    shares.set(group, (shares.get(group) ?? 0) + bytesInOutput);
  }
  return [...shares.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([input, bytes]) => ({ input, kb: round(bytes / 1000) }));
}

/**
 * Bundles every manifest function with the deploy options into `workDir`, then loads each
 * bundle `runs` times in a fresh node process and keeps the median import time. The children
 * run one at a time so that they do not compete for the CPU. Bare imports left external
 * (@aws-sdk/*) resolve through a node_modules link in `workDir`, like the SDK of the Lambda runtime.
 */
export async function measureFunctions(opts: {
  root: string;
  workDir: string;
  functions: FunctionDecl[];
  optionsFor: BundleOptionsFor;
  runs?: number;
}): Promise<FunctionResult[]> {
  const { root, workDir, functions, optionsFor } = opts;
  const runs = opts.runs ?? 5;
  await mkdir(workDir, { recursive: true });
  if (!existsSync(join(workDir, 'node_modules')))
    await symlink(join(root, 'node_modules'), join(workDir, 'node_modules'));
  const runner = join(workDir, 'init-runner.mjs');
  await writeFile(runner, RUNNER);
  const node = nodeBinary(root);

  const results: FunctionResult[] = [];
  for (const fn of functions) {
    const outfile = join(workDir, fn.id, 'index.mjs');
    const result: FunctionResult = {
      id: fn.id,
      entry: fn.entry,
      bundleKb: 0,
      initMs: 0,
      initRunsMs: [],
      sdkInitMs: 0,
      ownInitMs: 0,
      topInputs: [],
    };
    results.push(result);
    try {
      const options = optionsFor(resolve(root, fn.entry), outfile);
      const built = await build({ ...options, absWorkingDir: root, metafile: true, write: true, logLevel: 'silent' });
      result.bundleKb = round((await stat(outfile)).size / 1000);
      result.topInputs = topInputs(built.metafile, outfile, root);
      const baseline = join(workDir, fn.id, 'sdk-baseline.mjs');
      await writeFile(baseline, sdkBaseline(built.metafile, outfile, root));
      const importMs = async (file: string) => {
        const { stdout } = await run(node, [runner, pathToFileURL(file).href], {
          cwd: root,
          env: lambdaLikeEnv(),
          timeout: 30_000,
          signal: childProcesses.signal,
        });
        return round((JSON.parse(stdout) as { ms: number }).ms);
      };
      // One discarded pass warms the file cache; then bundle and baseline alternate, so that
      // whatever else the machine is doing weighs on both alike.
      await importMs(outfile);
      await importMs(baseline);
      const sdkRuns: number[] = [];
      for (let i = 0; i < runs; i++) {
        result.initRunsMs.push(await importMs(outfile));
        sdkRuns.push(await importMs(baseline));
      }
      result.initMs = round(median(result.initRunsMs));
      result.sdkInitMs = round(median(sdkRuns));
      result.ownInitMs = round(Math.max(0, result.initMs - result.sdkInitMs));
    } catch (error) {
      const e = error as Error & { stderr?: string };
      result.error = (e.stderr?.trim().split('\n').slice(-3).join(' ') || e.message).slice(0, 300);
    }
  }
  return results;
}
