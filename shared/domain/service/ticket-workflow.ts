import type { TicketStatus } from './sla-ticket.js';

/**
 * The ticket status workflow: new → open → pending (waiting on the customer) → on-hold (waiting
 * on a third party) → solved → closed. Agents move between the working states freely; a solved
 * ticket reopens or closes; a closed ticket is final (a customer's reply starts a follow-up).
 */
const ALLOWED: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['open', 'pending', 'on-hold', 'solved'],
  open: ['pending', 'on-hold', 'solved'],
  pending: ['open', 'on-hold', 'solved'],
  'on-hold': ['open', 'pending', 'solved'],
  solved: ['open', 'closed'],
  closed: [],
};

export function allowedTransitions(from: TicketStatus): readonly TicketStatus[] {
  return ALLOWED[from];
}

export function mayTransition(from: TicketStatus, to: TicketStatus): boolean {
  return ALLOWED[from].includes(to);
}

/** Days after which a solved ticket closes by itself. */
export const DEFAULT_AUTO_CLOSE_DAYS = 4;

export function autoCloseAt(solvedAt: string, days: number = DEFAULT_AUTO_CLOSE_DAYS): string {
  return new Date(new Date(solvedAt).getTime() + days * 86_400_000).toISOString();
}

/**
 * What a customer's public reply does to a ticket: it reopens a solved one and ends waiting on
 * the customer; on-hold stays on hold (the third party is still awaited); on a closed ticket it
 * starts a follow-up ticket linked to the old one.
 */
export function afterCustomerReply(
  status: TicketStatus,
): { kind: 'status'; status: TicketStatus; reopened: boolean } | { kind: 'followUp' } {
  switch (status) {
    case 'closed':
      return { kind: 'followUp' };
    case 'solved':
      return { kind: 'status', status: 'open', reopened: true };
    case 'pending':
      return { kind: 'status', status: 'open', reopened: false };
    default:
      return { kind: 'status', status, reopened: false };
  }
}

/** An agent's first public reply moves a new ticket to open; otherwise the status stays. */
export function afterAgentReply(status: TicketStatus): TicketStatus {
  return status === 'new' ? 'open' : status;
}

/** `T-000123`: the number shown to people and used in e-mail subjects. */
export function ticketNumber(sequence: number): string {
  return `T-${String(sequence).padStart(6, '0')}`;
}
