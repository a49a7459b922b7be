import { buildApp } from './app-builder.js';
import { cdkJsonContext, PROJECT_ROOT } from './app-settings.js';

/**
 * CDK entry: the manifest's stacks, checked by cdk-nag while synthesizing.
 *
 * `cdk synth` runs this with tsx, passing cdk.json's context (plus any `-c`) and the output
 * directory through the environment. Run directly (`npx tsx infra/app.ts`) it reads cdk.json and
 * writes cdk.out itself, so the app also synthesizes without a CLI that can read the assembly
 * version of this aws-cdk-lib.
 */
const underCli = process.env.CDK_OUTDIR !== undefined;
buildApp({ context: cdkJsonContext(), outdir: underCli ? undefined : `${PROJECT_ROOT}/cdk.out` }).app.synth();
