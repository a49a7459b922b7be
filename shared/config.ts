import { z } from 'zod';

/**
 * The environment contract of every function, parsed once at cold start: a missing variable
 * fails the init, not the first request. The CDK app sets these per function (only what the
 * function's grants need); the local runtime sets them for all handlers it hosts.
 *
 * Endpoints are not configured here: locally the AWS SDK reads the standard
 * AWS_ENDPOINT_URL_DYNAMODB / _SESV2 / _EVENTBRIDGE / _SQS variables.
 */
const schema = z.object({
  TABLE_NAME: z.string().min(3).optional(),
  EVENT_BUS_NAME: z.string().min(1).optional(),
  /** Queue URLs by manifest queue id, e.g. QUEUE_URL_PURGE. */
  QUEUE_URL_PURGE: z.string().min(1).optional(),
  MAIL_FROM: z.string().min(3).default('Cirrus CRM <no-reply@cirrus.local>'),
  /** Base URL of the console, for links in e-mails. */
  APP_URL: z.string().url().default('http://localhost:3000'),
  APP_VERSION: z.string().default('0.1.0'),
});

export type Config = z.infer<typeof schema>;

let cached: Config | undefined;

export function config(): Config {
  cached ??= schema.parse(process.env);
  return cached;
}

/** A value the function cannot run without. */
export function required<K extends keyof Config>(key: K): NonNullable<Config[K]> {
  const value = config()[key];
  if (value === undefined || value === null) throw new Error(`Missing environment variable ${String(key)}`);
  return value as NonNullable<Config[K]>;
}

/** Tests re-read the environment after pointing it at their own runtime. */
export function resetConfigForTests(): void {
  cached = undefined;
}
