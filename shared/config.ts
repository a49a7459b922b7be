import * as z from './domain/common/zod.js';

/**
 * The environment contract of every function, parsed once with zod at cold start: every entry
 * builds its handler through `createHandler` or calls `config()` at module scope, so a malformed
 * or (in Lambda) missing variable fails the init, never a request. The CDK app sets these per
 * function (only what the function's grants need, infra/constructs/bindings.ts); the local
 * runtime sets them for all the handlers it hosts. This module is the only reader of process.env
 * in shared/ and functions/ (a unit test keeps it so).
 *
 * Endpoints are not configured here: locally the AWS SDK reads the standard
 * AWS_ENDPOINT_URL_DYNAMODB / _SESV2 / _EVENTBRIDGE / _SQS variables.
 */
const optionalText = z.optional(z.string().check(z.minLength(1)));
const httpUrl = z.string().check(z.regex(/^https?:\/\/[^/]/, 'must be an http(s) URL'));

const schema = z.object({
  TABLE_NAME: optionalText,
  EVENT_BUS_NAME: optionalText,
  /** Queue URLs by manifest queue id, e.g. QUEUE_URL_PURGE. */
  QUEUE_URL_PURGE: optionalText,
  QUEUE_URL_REASSIGN: optionalText,
  QUEUE_URL_REENCRYPT: optionalText,
  MAIL_FROM: z._default(z.string().check(z.minLength(3)), 'Cirrus CRM <no-reply@cirrus.local>'),
  /** Base URL of the console, for links in e-mails: required in Lambda (see below). */
  APP_URL: z.optional(httpUrl),
  APP_VERSION: z._default(z.string(), '0.1.0'),
  /** Who keeps staff accounts: Cognito in AWS, the local provider's store locally. */
  USER_DIRECTORY: z.optional(z.enum(['cognito', 'local'])),
  /** The staff user pool, for the Cognito admin API. */
  USER_POOL_ID: optionalText,
  /** The KMS key of sensitive custom fields (AWS; shared/crypto/field-protection.ts). */
  FIELD_KEY_ARN: optionalText,
  /** Locally: the file holding the raw AES-256 field key (the runtime creates it, 0600). */
  FIELD_KEY_FILE: optionalText,
  /** The private bucket of contract attachments (AWS; shared/storage/select-storage.ts). */
  ATTACHMENTS_BUCKET: optionalText,
  /** Locally: the secret that signs attachment URLs (infra/local/storage.ts checks them). */
  LOCAL_STORAGE_SECRET: optionalText,
  /** Set by Lambda itself: its region, the function's name and its role's credentials (S3 presigning). */
  AWS_REGION: optionalText,
  AWS_LAMBDA_FUNCTION_NAME: optionalText,
  AWS_ACCESS_KEY_ID: optionalText,
  AWS_SECRET_ACCESS_KEY: optionalText,
  AWS_SESSION_TOKEN: optionalText,
});

export type Config = Omit<z.infer<typeof schema>, 'APP_URL'> & { APP_URL: string };

/** What a local run or a test without the variable links to. Never used in Lambda. */
const LOCAL_APP_URL = 'http://localhost:3000';

let cached: Config | undefined;

export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

/**
 * The environment as the functions see it; empty strings count as unset. In Lambda an unset
 * APP_URL is an error (e-mails would link to localhost); elsewhere it is the local console.
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = z.safeParse(schema, present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  const { APP_URL, ...rest } = parsed.data;
  if (!APP_URL && rest.AWS_LAMBDA_FUNCTION_NAME) throw new Error('Invalid environment: APP_URL is required in Lambda');
  return { ...rest, APP_URL: (APP_URL ?? LOCAL_APP_URL).replace(/\/$/, '') };
}

/** A value the function cannot run without. */
export function required<K extends keyof Config>(key: K): NonNullable<Config[K]> {
  const value = config()[key];
  if (value === undefined || value === null) throw new Error(`Missing environment variable ${String(key)}`);
  return value as NonNullable<Config[K]>;
}

/**
 * Called at module scope by every entry (createHandler does it for the API functions): in Lambda
 * the environment is parsed during the init, so a bad one fails the cold start, not a request.
 * Elsewhere the local runtime (or a test) sets the environment after importing the handlers, so
 * the parse waits for the first use.
 */
export function parseConfigAtColdStart(): void {
  if (process.env.AWS_LAMBDA_FUNCTION_NAME) config();
}
