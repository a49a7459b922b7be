import { AsyncLocalStorage } from 'node:async_hooks';
import { Logger, type LogItem } from '@aws-lambda-powertools/logger';
import type { LogAttributes, LogItemExtraInput, LogItemMessage } from '@aws-lambda-powertools/logger/types';

/**
 * One logger per function, created at module scope. Never log tokens, bodies, queries or any
 * personal data: only route keys, ids, statuses and timings.
 *
 * What identifies the work under way (the request id and route of an HTTP request) is not kept on
 * the logger, which every invocation in the process shares: the local runtime hosts every handler
 * in one process and runs requests concurrently, as Lambda does with several invocations per
 * environment, so keys appended to the logger would land on another request's lines. It lives in
 * an AsyncLocalStorage instead (`withLogContext`), and each line takes the keys of the async
 * context that writes it.
 */
const logContext = new AsyncLocalStorage<LogAttributes>();

/** Runs `fn` with `keys` on every line logged from its async context (on top of any outer keys). */
export function withLogContext<T>(keys: LogAttributes, fn: () => T): T {
  return logContext.run({ ...logContext.getStore(), ...keys }, fn);
}

class ContextLogger extends Logger {
  // The context's keys come before a line's own attributes, so a line may still add to them.
  protected override createAndPopulateLogItem(
    logLevel: number,
    input: LogItemMessage,
    extraInput: LogItemExtraInput,
  ): LogItem {
    const keys = logContext.getStore();
    const extra = keys ? ([keys, ...extraInput] as LogItemExtraInput) : extraInput;
    return super.createAndPopulateLogItem(logLevel, input, extra);
  }
}

// Powertools reads its own settings (POWERTOOLS_SERVICE_NAME, POWERTOOLS_LOG_LEVEL) from the
// environment, which CDK and the local runtime set; our code reads none of it.
export const logger: Logger = new ContextLogger();
