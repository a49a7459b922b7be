import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../infra/app-settings.js';
import { esbuildOptionsFor, LAMBDA_BUNDLE, nodejsBundling } from '../../infra/bundling.js';
import { manifest } from '../../infra/manifest.js';

const out = mkdtempSync(join(tmpdir(), 'cirrus-bundle-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('one set of esbuild options for CDK and the benchmark', () => {
  it('bundles for Lambda: Node 24 ESM, minified, no source maps, SDK left to the runtime, no Docker', () => {
    expect(nodejsBundling()).toMatchObject({
      target: 'node24',
      format: OutputFormat.ESM,
      minify: true,
      sourceMap: false,
      externalModules: ['@aws-sdk/*'],
      banner: LAMBDA_BUNDLE.banner,
      forceDockerBundling: false,
    });
    expect(esbuildOptionsFor('in.ts', 'out.mjs')).toMatchObject({
      entryPoints: ['in.ts'],
      outfile: 'out.mjs',
      bundle: true,
      platform: 'node',
      target: 'node24',
      format: 'esm',
      minify: true,
      sourcemap: false,
      external: ['@aws-sdk/*'],
      banner: { js: LAMBDA_BUNDLE.banner },
    });
  });

  it('produces a minified ESM bundle that imports the SDK instead of embedding it', async () => {
    const outfile = join(out, 'platform.mjs');
    await build(esbuildOptionsFor(join(PROJECT_ROOT, manifest.functions.platform.entry), outfile));
    const code = readFileSync(outfile, 'utf8');
    expect(code.startsWith(LAMBDA_BUNDLE.banner)).toBe(true);
    expect(code).toMatch(/from\s*"@aws-sdk\//);
    expect(code).not.toContain('sourceMappingURL');
  });
});
