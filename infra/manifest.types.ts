import type { RouteDecl } from '../shared/http/route-decl.js';

/** Who may call a route (staff, portal customers, anyone) and how: shared/http/route-decl.ts. */
export type { Audience, HttpMethod, RouteDecl } from '../shared/http/route-decl.js';
export { routeKey } from '../shared/http/route-decl.js';

/** What a function may touch. The CDK app turns each into the narrowest grant it can. */
export interface FunctionGrants {
  /** `update`: UpdateItem on the table and nothing else (no reads, no indexes). */
  table?: 'read' | 'write' | 'update';
  /** Send e-mail through SES. */
  email?: boolean;
  /** Put events on the CRM event bus. */
  bus?: boolean;
  /** Administer staff accounts in the staff user pool (Cognito admin API; local store locally). */
  userDirectory?: boolean;
  /** Encrypt and decrypt sensitive field values with the dedicated field key (KMS). */
  fieldKey?: boolean;
  /** Presign uploads to and downloads from the private attachments bucket (contracts). */
  attachments?: boolean;
  /** Send messages to these queues. */
  sendTo?: readonly string[];
}

export interface FunctionDecl {
  /** Path of the module from the repository root; it exports `handler`. */
  entry: string;
  description: string;
  memoryMb?: number;
  timeoutSeconds?: number;
  grants: FunctionGrants;
  /**
   * Folders (from the repository root) copied beside the bundle, for files the function reads at
   * run time relative to its module (`new URL('./fonts/x.ttf', import.meta.url)`): the folder's
   * last name is kept, so `functions/quotes/fonts` is `fonts/` next to the bundle.
   */
  assets?: readonly string[];
}

export interface ScheduleDecl<F extends string = string> {
  id: string;
  /** EventBridge Scheduler expression: `rate(1 hour)` or `cron(0 3 * * ? *)` (UTC). */
  expression: string;
  function: F;
  description: string;
}

export interface EventRuleDecl<F extends string = string> {
  id: string;
  pattern: { source: readonly string[]; detailType: readonly string[] };
  function: F;
  description: string;
}

export interface QueueDecl<F extends string = string> {
  id: string;
  consumer: F;
  batchSize: number;
  maxConcurrency: number;
  visibilityTimeoutSeconds: number;
  /** Receives before a message moves to the dead-letter queue. */
  maxReceiveCount: number;
}

export interface StreamDecl<F extends string = string> {
  function: F;
  /** Only stream records whose NEW image has `type` equal to this reach the function. */
  itemType: string;
  batchSize: number;
}

/**
 * A Cognito trigger of a user pool. Its function is built in the identity stack (next to the
 * pool it serves, so the pool does not depend on the functions stack, which depends on it).
 */
export interface IdentityTriggerDecl<F extends string = string> {
  pool: 'staff' | 'portal';
  /**
   * `preTokenGeneration`: adds claims to the ID token (e.g. the user's teams);
   * `postAuthentication`: runs after each successful sign-in (e.g. records when).
   */
  trigger: 'preTokenGeneration' | 'postAuthentication';
  function: F;
}

export interface IndexDecl {
  name: string;
  partitionKey: string;
  sortKey: string;
}

export interface TableDecl {
  id: string;
  partitionKey: string;
  sortKey: string;
  indexes: readonly IndexDecl[];
  ttlAttribute: string;
  stream: 'NEW_AND_OLD_IMAGES';
}

export interface Manifest<F extends string = string> {
  service: string;
  eventSource: string;
  table: TableDecl;
  functions: Record<F, FunctionDecl>;
  routes: readonly RouteDecl<F>[];
  schedules: readonly ScheduleDecl<F>[];
  rules: readonly EventRuleDecl<F>[];
  queues: readonly QueueDecl<F>[];
  streams: readonly StreamDecl<F>[];
  identityTriggers?: readonly IdentityTriggerDecl<F>[];
}

/** Functions that run as a user pool trigger: the identity stack builds them, not the functions stack. */
export function identityTriggerFunctions(manifest: Pick<Manifest, 'identityTriggers'>): Set<string> {
  return new Set((manifest.identityTriggers ?? []).map((t) => t.function));
}
