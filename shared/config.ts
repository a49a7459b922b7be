/**
 * The environment contract of every function, read once at cold start. The CDK app sets these
 * per function (only what the function's grants need); the local runtime sets them for all the
 * handlers it hosts. A variable a function needs and lacks fails loudly on first use (`required`).
 *
 * Endpoints are not configured here: locally the AWS SDK reads the standard
 * AWS_ENDPOINT_URL_DYNAMODB / _SESV2 / _EVENTBRIDGE / _SQS variables.
 *
 * Plain code rather than a schema: every function reads it, and it should cost them nothing.
 */
export interface Config {
  TABLE_NAME?: string;
  EVENT_BUS_NAME?: string;
  /** Queue URLs by manifest queue id, e.g. QUEUE_URL_PURGE. */
  QUEUE_URL_PURGE?: string;
  QUEUE_URL_REASSIGN?: string;
  QUEUE_URL_REENCRYPT?: string;
  MAIL_FROM: string;
  /** Base URL of the console, for links in e-mails. */
  APP_URL: string;
  APP_VERSION: string;
  /** Who keeps staff accounts: Cognito in AWS, the local provider's store locally. */
  USER_DIRECTORY?: 'cognito' | 'local';
  /** The staff user pool, for the Cognito admin API. */
  USER_POOL_ID?: string;
  /** The KMS key of sensitive custom fields (AWS; shared/crypto/field-protection.ts reads it). */
  FIELD_KEY_ARN?: string;
  /** Locally: the file holding the raw AES-256 field key (the runtime creates it, 0600). */
  FIELD_KEY_FILE?: string;
  /** The private bucket of contract attachments (AWS; shared/storage/select-storage.ts reads it). */
  ATTACHMENTS_BUCKET?: string;
}

let cached: Config | undefined;

export function config(): Config {
  cached ??= readConfig(process.env);
  return cached;
}

function readConfig(env: NodeJS.ProcessEnv): Config {
  const appUrl = env.APP_URL || 'http://localhost:3000';
  if (!/^https?:\/\/[^/]/.test(appUrl)) throw new Error('APP_URL must be an http(s) URL');
  return {
    TABLE_NAME: env.TABLE_NAME || undefined,
    EVENT_BUS_NAME: env.EVENT_BUS_NAME || undefined,
    QUEUE_URL_PURGE: env.QUEUE_URL_PURGE || undefined,
    QUEUE_URL_REASSIGN: env.QUEUE_URL_REASSIGN || undefined,
    QUEUE_URL_REENCRYPT: env.QUEUE_URL_REENCRYPT || undefined,
    MAIL_FROM: env.MAIL_FROM || 'Cirrus CRM <no-reply@cirrus.local>',
    APP_URL: appUrl.replace(/\/$/, ''),
    APP_VERSION: env.APP_VERSION || '0.1.0',
    USER_DIRECTORY: userDirectory(env.USER_DIRECTORY),
    USER_POOL_ID: env.USER_POOL_ID || undefined,
    FIELD_KEY_ARN: env.FIELD_KEY_ARN || undefined,
    FIELD_KEY_FILE: env.FIELD_KEY_FILE || undefined,
    ATTACHMENTS_BUCKET: env.ATTACHMENTS_BUCKET || undefined,
  };
}

function userDirectory(value: string | undefined): Config['USER_DIRECTORY'] {
  if (value === undefined || value === '') return undefined;
  if (value !== 'cognito' && value !== 'local') throw new Error('USER_DIRECTORY must be cognito or local');
  return value;
}

/** A value the function cannot run without. */
export function required<K extends keyof Config>(key: K): NonNullable<Config[K]> {
  const value = config()[key];
  if (value === undefined || value === null) throw new Error(`Missing environment variable ${String(key)}`);
  return value as NonNullable<Config[K]>;
}
