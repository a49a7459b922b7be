import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cruise, type IForbiddenRuleType, type IReporterOutput } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { describe, expect, it } from 'vitest';

/**
 * The layers of DESIGN.md §4, checked by dependency-cruiser on the real import graph: imports only
 * point down (functions → shared/app → shared/domain and shared/db), so a later change cannot
 * quietly make a Lambda folder reach into another's internals or the domain reach for the database.
 */
const RULES: IForbiddenRuleType[] = [
  {
    name: 'function-folder-to-another',
    comment: 'A Lambda folder holds its entry and route wiring; shared code lives in shared/app.',
    severity: 'error',
    from: { path: '^functions/([^/]+)/' },
    to: { path: '^functions/', pathNot: '^functions/$1/' },
  },
  {
    name: 'functions-to-infra-beyond-manifest',
    comment: 'A handler may read its declared routes from the manifest, nothing else of infra/.',
    severity: 'error',
    from: { path: '^functions/' },
    to: { path: '^infra/', pathNot: '^infra/manifest(\\.types)?\\.ts$' },
  },
  {
    name: 'shared-to-functions-or-infra',
    comment: 'shared/ is below the Lambda entries and the infrastructure: the router gets its routes passed in.',
    severity: 'error',
    from: { path: '^shared/' },
    to: { path: '^(functions|infra)/' },
  },
  {
    name: 'below-app-to-app',
    comment: 'The application layer is only called from the entries above it.',
    severity: 'error',
    from: { path: '^shared/', pathNot: '^shared/app/' },
    to: { path: '^shared/app/' },
  },
  {
    name: 'app-to-http',
    comment: 'Commands and queries know nothing of HTTP; handlers translate requests into calls.',
    severity: 'error',
    from: { path: '^shared/app/' },
    to: { path: '^shared/http/' },
  },
  {
    name: 'domain-to-adapters',
    comment: 'shared/domain is pure: no database, HTTP, e-mail, events, queues, storage, identity or crypto adapters.',
    severity: 'error',
    from: { path: '^shared/domain/' },
    to: { path: '^shared/(db|http|app|email|events|queues|storage|identity|crypto)/' },
  },
  {
    name: 'domain-to-aws',
    comment: 'shared/domain has no AWS imports (DESIGN §2).',
    severity: 'error',
    from: { path: '^shared/domain/' },
    to: { path: 'node_modules/(@aws-sdk|@aws-lambda-powertools|@middy|@aws-crypto)/' },
  },
  {
    name: 'db-to-http',
    comment: 'Repositories raise domain errors; shared/http only maps them to statuses.',
    severity: 'error',
    from: { path: '^shared/db/' },
    to: { path: '^shared/http/' },
  },
  {
    name: 'keys-to-scope-policy',
    comment: 'Key modules take a scope (shared/domain/common/scope.ts); deciding a principal’s scope is shared/auth’s.',
    severity: 'error',
    from: { path: '^shared/db/keys[^/]*\\.ts$' },
    to: { path: '^shared/auth/' },
  },
  {
    name: 'app-to-query',
    comment:
      'Repositories own their access patterns (DESIGN §6): a command or query calls a named list (listContacts(scope, query)), it never plans or runs a Query itself.',
    severity: 'error',
    from: { path: '^shared/app/' },
    to: { path: '^shared/db/(query|cursor)\\.ts$' },
  },
  {
    name: 'keys-are-pure',
    comment:
      'Key modules turn values into keys and nothing else: they import only each other and pure domain code, never a client, a repository, the SDK or shared/auth, so any layer may use them and none of them can read the table.',
    severity: 'error',
    from: { path: '^shared/db/keys[^/]*\\.ts$' },
    to: { pathNot: '^(shared/db/keys[^/]*\\.ts|shared/domain/)' },
  },
  {
    name: 'web-to-server',
    comment:
      'The SPA shares schemas and pure rules (shared/domain, shared/auth) and the error body it reads, never server code.',
    severity: 'error',
    from: { path: '^web/' },
    to: {
      path: '^(functions|infra|shared/(db|app|http|email|events|queues|storage|identity|crypto))/',
      pathNot: '^shared/http/error-body\\.ts$',
    },
  },
];

async function importGraph() {
  const result = await cruise(
    ['functions', 'shared', 'infra', 'web/app/src', 'web/portal/src', 'web/shared'],
    {
      ruleSet: { forbidden: RULES },
      // swc parses TypeScript here (TypeScript 7 has no compiler API for the cruiser); it keeps
      // type-only imports, so every rule holds for types too.
      parser: 'swc',
      tsPreCompilationDeps: true,
      doNotFollow: { path: 'node_modules' },
      exclude: { path: '(^|/)(dist|cdk\\.out|node_modules)/' },
      validate: true,
    },
    {},
    { tsConfig: extractTSConfig('tsconfig.json') },
  );
  const output = (result as IReporterOutput).output;
  if (typeof output === 'string') throw new Error(output);
  const unresolved = output.modules.flatMap((m) =>
    m.dependencies.filter((d) => d.couldNotResolve && d.module.startsWith('.')).map((d) => `${m.source} → ${d.module}`),
  );
  return {
    cruised: output.summary.totalCruised,
    unresolved,
    broken: output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`),
  };
}

describe('the architecture (DESIGN.md §4)', () => {
  it('has imports that only point down, checked on the whole import graph', async () => {
    const graph = await importGraph();

    // The graph is real: hundreds of modules, every relative import resolved to a file.
    expect(graph.cruised).toBeGreaterThan(400);
    expect(graph.unresolved).toEqual([]);
    expect(graph.broken).toEqual([]);
  }, 60_000);
});

/** Product code under `dir` (TypeScript sources), relative to the repository root. */
function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

describe('the environment contract (shared/config.ts)', () => {
  it('is the only reader of process.env in shared/ and functions/', () => {
    const readers = [...sourcesUnder('shared'), ...sourcesUnder('functions')]
      .filter((file) => file !== join('shared', 'config.ts'))
      .filter((file) => /process\.env\b/.test(readFileSync(file, 'utf8')));

    expect(readers).toEqual([]);
  });
});
