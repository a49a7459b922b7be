import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { LocalUserDirectory } from '../../shared/identity/local-user-directory.js';
import { provideUserDirectory } from '../../shared/identity/select.js';
import { type FunctionId, manifest } from '../manifest.js';

/**
 * Loads every manifest function's handler module in this process, as Lambda would load its
 * bundle, and invokes it with a Lambda-shaped context.
 */
export type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;
export type FunctionTable = Record<FunctionId, LambdaHandler>;

const ROOT = resolve(import.meta.dirname, '../..');

export async function loadFunctions(): Promise<FunctionTable> {
  // Local adapters go into the ports first: in AWS the handlers build their Cognito adapters.
  provideUserDirectory(new LocalUserDirectory());
  const table = {} as FunctionTable;
  for (const [id, decl] of Object.entries(manifest.functions) as [FunctionId, { entry: string }][]) {
    const mod = (await import(pathToFileURL(resolve(ROOT, decl.entry)).href)) as { handler?: LambdaHandler };
    if (typeof mod.handler !== 'function') throw new Error(`${decl.entry} exports no handler`);
    table[id] = mod.handler;
  }
  return table;
}

export function lambdaContext(functionId: string): Context {
  const decl = manifest.functions[functionId as FunctionId];
  const deadline = Date.now() + (('timeoutSeconds' in decl ? decl.timeoutSeconds : undefined) ?? 30) * 1000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: `${manifest.service}-${functionId}`,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${manifest.service}-${functionId}`,
    memoryLimitInMB: String(('memoryMb' in decl ? decl.memoryMb : undefined) ?? 256),
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${manifest.service}-${functionId}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
