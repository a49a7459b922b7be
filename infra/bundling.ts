import { basename } from 'node:path';
import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions } from 'esbuild';

/**
 * How every Lambda is bundled, written once so the deployed bundles and the benchmark's bundles
 * (bench measures bundle size and init time) are the same bytes.
 */
export const LAMBDA_BUNDLE = {
  target: 'node24',
  minify: true,
  // Stack traces of a minified bundle are not worth the extra bytes and init time of a map.
  sourceMap: false,
  /**
   * ESM lets esbuild tree-shake better and lets the runtime use top-level await. A few CommonJS
   * dependencies still call `require`, which ESM lacks: the banner gives them one.
   */
  format: 'esm',
  banner: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  // The nodejs24.x runtime ships AWS SDK v3: bundling it again would only add size and init time.
  external: ['@aws-sdk/*'],
  // Prefer the ESM build of packages that ship both, so tree-shaking has something to shake.
  mainFields: ['module', 'main'],
} as const;

/**
 * `NodejsFunction` bundling props: always local esbuild (no Docker on build machines). `assets`
 * are folders copied beside the bundle after bundling (same last name), for files a function
 * reads at run time relative to its module.
 */
export function nodejsBundling(assets: readonly string[] = []): BundlingOptions {
  return {
    ...(assets.length
      ? {
          commandHooks: {
            beforeBundling: () => [],
            beforeInstall: () => [],
            afterBundling: (_input: string, output: string) =>
              assets.map((folder) => `cp -R "${folder}" "${output}/${basename(folder)}"`),
          },
        }
      : {}),
    target: LAMBDA_BUNDLE.target,
    minify: LAMBDA_BUNDLE.minify,
    sourceMap: LAMBDA_BUNDLE.sourceMap,
    format: OutputFormat.ESM,
    banner: LAMBDA_BUNDLE.banner,
    externalModules: [...LAMBDA_BUNDLE.external],
    mainFields: [...LAMBDA_BUNDLE.mainFields],
    forceDockerBundling: false,
  };
}

/** Plain `esbuild.build` options for one entry, as the benchmark bundles it. */
export function esbuildOptionsFor(entry: string, outfile: string): BuildOptions {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: LAMBDA_BUNDLE.target,
    minify: LAMBDA_BUNDLE.minify,
    sourcemap: LAMBDA_BUNDLE.sourceMap,
    format: LAMBDA_BUNDLE.format,
    banner: { js: LAMBDA_BUNDLE.banner },
    external: [...LAMBDA_BUNDLE.external],
    mainFields: [...LAMBDA_BUNDLE.mainFields],
    logLevel: 'warning',
  };
}
