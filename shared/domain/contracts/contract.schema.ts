import { clearable, id, pageQuery, text, version } from '../common/fields.js';
import * as z from '../common/zod.js';
import { amount, currency, isoDate } from '../deals/deal.schema.js';
import { isReminderOffset, isTimeZone } from '../notifications/reminder-times.js';

/**
 * Contract: what a company signed, for how long and for how much. Money is integer minor units
 * with an ISO 4217 currency. `status` as stored is the lifecycle (draft → active → renewed or
 * terminated); `expiring` and `expired` are derived from the end date for an active contract
 * (contract-rules.ts), and announced by the reminder sweep (contract.expiring, contract.expired).
 * The payment schedule (installments) and recorded payments give outstanding and overdue.
 */

export const LIFECYCLE_STATUSES = ['draft', 'active', 'renewed', 'terminated'] as const;
export type LifecycleStatus = (typeof LIFECYCLE_STATUSES)[number];
export const CONTRACT_STATUSES = ['draft', 'active', 'expiring', 'expired', 'renewed', 'terminated'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

export const DEFAULT_REMINDER_OFFSETS = ['30d', '7d', '1d'] as const;
export const MAX_INSTALLMENTS = 60;
export const MAX_PAYMENTS = 200;

const offset = z
  .string()
  .check(z.refine((v) => isReminderOffset(v) && v.endsWith('d'), 'Must be a number of days such as 30d'));
const reminderOffsets = z.pipe(
  z.array(offset).check(z.maxLength(5, 'At most 5 reminders')),
  z.transform((list: string[]) => [...new Set(list)]),
);
const timeZone = z.string().check(z.refine(isTimeZone, 'Must be an IANA time zone such as Asia/Shanghai'));

export const installment = z.strictObject({
  dueDate: isoDate,
  amount,
  label: z.optional(text(100)),
});
export type InstallmentInput = z.infer<typeof installment>;
const schedule = z.array(installment).check(z.maxLength(MAX_INSTALLMENTS, `At most ${MAX_INSTALLMENTS} installments`));

export const contractCreate = z.strictObject({
  title: text(200, 1),
  companyId: id,
  dealId: z.optional(id),
  startDate: isoDate,
  endDate: isoDate,
  value: amount,
  currency,
  paymentTerms: z.optional(text(500)),
  status: z.optional(z.enum(['draft', 'active'])),
  reminderOffsets: z.optional(reminderOffsets),
  timeZone: z.optional(timeZone),
  schedule: z.optional(schedule),
  ownerId: z.optional(id),
});
export type ContractCreate = z.infer<typeof contractCreate>;

export const contractPatch = z.strictObject({
  title: z.optional(text(200, 1)),
  dealId: clearable(id),
  startDate: z.optional(isoDate),
  endDate: z.optional(isoDate),
  value: z.optional(amount),
  currency: z.optional(currency),
  paymentTerms: clearable(text(500)),
  /** Only draft → active here; renew and terminate have their own routes. */
  status: z.optional(z.enum(['draft', 'active'])),
  reminderOffsets: z.optional(reminderOffsets),
  timeZone: z.optional(timeZone),
  schedule: z.optional(schedule),
  ownerId: z.optional(id),
  version: z.optional(version),
});
export type ContractPatch = z.infer<typeof contractPatch>;

export const contractRenew = z.strictObject({
  version,
  /** The renewal deal; defaults: the contract's title + " renewal", value and currency, close at the end date. */
  dealName: z.optional(text(200, 1)),
  amount: z.optional(amount),
});
export type ContractRenew = z.infer<typeof contractRenew>;

export const contractTerminate = z.strictObject({ version, reason: z.optional(text(500)) });

export const paymentCreate = z.strictObject({
  date: isoDate,
  amount: z.int().check(z.positive('Must be positive'), z.lte(10_000_000_000_000)),
  method: z.optional(z.enum(['bank_transfer', 'card', 'cash', 'cheque', 'other'])),
  reference: z.optional(text(100)),
  version,
});
export type PaymentCreate = z.infer<typeof paymentCreate>;

export const ALLOWED_ATTACHMENT_TYPES = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
} as const;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** Checked by the route (413 / 400 naming the field), not here, so each limit has its own status. */
export const attachmentCreate = z.strictObject({
  fileName: z.string().check(
    z.trim(),
    z.minLength(1, 'Required'),
    z.maxLength(200, 'At most 200 characters'),
    z.refine(
      (v) => !/[/\\<>:"|?*]/.test(v) && ![...v].some((ch) => ch.charCodeAt(0) < 32),
      'Must be a plain file name',
    ),
  ),
  contentType: z.string().check(z.maxLength(200)),
  size: z.int().check(z.positive('Must be positive')),
});
export type AttachmentCreate = z.infer<typeof attachmentCreate>;

export const contractListQuery = z.strictObject({
  ...pageQuery,
  status: z.optional(z.enum(CONTRACT_STATUSES)),
  /** Active contracts ending within this many days (the "expiring soon" list), soonest first. */
  endingWithinDays: z.optional(z.pipe(z.coerce.number(), z.int().check(z.gte(0), z.lte(366)))),
  companyId: z.optional(id),
});
export type ContractListQuery = z.infer<typeof contractListQuery>;

export interface Installment {
  id: string;
  dueDate: string;
  amount: number;
  label?: string;
}

export interface Payment {
  id: string;
  date: string;
  amount: number;
  method?: string;
  reference?: string;
  recordedBy: { id: string; name: string };
  recordedAt: string;
}

/**
 * `pending` from the upload request until the confirmation route has seen the object in storage
 * with the declared size (then `available`). Only available attachments are listed and served;
 * a pending one nobody confirms expires (TTL) after PENDING_ATTACHMENT_HOURS.
 */
export type AttachmentStatus = 'pending' | 'available';
export const PENDING_ATTACHMENT_HOURS = 24;

export interface Attachment {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  status: AttachmentStatus;
  uploadedBy: { id: string; name: string };
  createdAt: string;
  confirmedAt?: string;
}

/** A contract as stored (status is the lifecycle) and as the API returns it (status derived, plus figures). */
export interface Contract {
  id: string;
  number: string;
  title: string;
  companyId: string;
  companyName: string;
  dealId?: string;
  startDate: string;
  endDate: string;
  value: number;
  currency: string;
  paymentTerms?: string;
  status: LifecycleStatus;
  reminderOffsets: string[];
  timeZone: string;
  schedule: Installment[];
  payments: Payment[];
  /** Sum of payments (maintained with each payment). */
  paid: number;
  ownerId: string;
  ownerName: string;
  teamId?: string;
  renewedFromId?: string;
  renewalDealId?: string;
  terminatedReason?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ContractView extends Omit<Contract, 'status'> {
  status: ContractStatus;
  lifecycle: LifecycleStatus;
  outstanding: number;
  overdue: number;
  daysToEnd: number;
  attachments?: Attachment[];
}
