import { clearable, customFieldValues, id, tags, text, version } from '../common/fields.js';
import * as z from '../common/zod.js';
import { CHANNELS, type Channel, PRIORITIES, type Priority } from './sla-policy.schema.js';
import { TICKET_STATUSES, type TicketStatus } from './sla-ticket.js';
import type { SlaTimers, TIMERS } from './sla-timers.js';

/**
 * Tickets: what a customer asked, who works on it, and its conversation. The requester is a
 * contact, found by e-mail or created; internal notes live beside public replies and are never
 * sent or shown to a customer.
 */

export const TICKET_TYPES = ['question', 'incident', 'problem', 'task'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

const email = z.pipe(
  z.email('Must be an e-mail address').check(z.maxLength(254)),
  z.transform((e: string) => e.toLowerCase()),
);

/** An existing contact, or an address to find (case-insensitive) or create a contact by. */
export const requester = z.union([
  z.strictObject({ contactId: id }),
  z.strictObject({ email, name: z.optional(text(200, 1)) }),
]);

const followerIds = z.pipe(
  z.array(id).check(z.maxLength(20, 'At most 20 followers')),
  z.transform((list: string[]) => [...new Set(list)]),
);

export const ticketCreate = z.strictObject({
  subject: text(200, 1),
  description: text(20_000, 1),
  requester,
  channel: z._default(z.enum(CHANNELS), 'staff'),
  type: z._default(z.enum(TICKET_TYPES), 'question'),
  priority: z._default(z.enum(PRIORITIES), 'normal'),
  tags: z._default(tags, []),
  customFields: z.optional(customFieldValues),
  teamId: z.optional(id),
  assigneeId: z.optional(id),
  followerIds: z._default(followerIds, []),
  dealId: z.optional(id),
  contractId: z.optional(id),
});
export type TicketCreate = z.infer<typeof ticketCreate>;

export const ticketPatch = z.strictObject({
  subject: z.optional(text(200, 1)),
  type: z.optional(z.enum(TICKET_TYPES)),
  priority: z.optional(z.enum(PRIORITIES)),
  status: z.optional(z.enum(TICKET_STATUSES)),
  tags: z.optional(tags),
  customFields: z.optional(customFieldValues),
  teamId: clearable(id),
  assigneeId: clearable(id),
  followerIds: z.optional(followerIds),
  dealId: clearable(id),
  contractId: clearable(id),
  version: z.optional(version),
});
export type TicketPatch = z.infer<typeof ticketPatch>;

/** A reply (public: e-mailed to the requester) or an internal note (never leaves the staff side). */
export const ticketMessageCreate = z.strictObject({
  body: text(50_000, 1),
  public: z._default(z.boolean(), true),
});
export type TicketMessageCreate = z.infer<typeof ticketMessageCreate>;

/** The ticket's figures for reports, kept in its own writes. */
export interface TicketFigures {
  firstResponseMinutes?: number;
  resolutionMinutes?: number;
  reopenCount: number;
  breached: Partial<Record<(typeof TIMERS)[number], boolean>>;
}

export interface Ticket {
  id: string;
  /** `T-000123`. */
  number: string;
  subject: string;
  status: TicketStatus;
  priority: Priority;
  type: TicketType;
  channel: Channel;
  requester: { contactId: string; name: string; email?: string };
  companyId?: string;
  companyName?: string;
  tags: string[];
  customFields?: Record<string, unknown>;
  teamId?: string;
  assigneeId?: string;
  assigneeName?: string;
  followerIds: string[];
  dealId?: string;
  contractId?: string;
  /** The ticket this one follows up (a reply to a closed ticket), or was merged into. */
  followUpOf?: string;
  mergedInto?: string;
  sla?: { policyId: string; policyName: string; timers: SlaTimers };
  figures: TicketFigures;
  solvedAt?: string;
  closedAt?: string;
  lastMessageAt: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface TicketMessage {
  id: string;
  ticketId: string;
  public: boolean;
  author: { kind: 'agent' | 'customer' | 'system'; id?: string; name: string };
  body: string;
  /** E-mail threading: this message's Message-ID, and what it answered. */
  messageId?: string;
  inReplyTo?: string;
  createdAt: string;
}
