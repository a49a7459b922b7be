import { describe, expect, it } from 'vitest';
import { TICKET_STATUSES } from '../../shared/domain/service/sla-ticket.js';
import {
  afterAgentReply,
  afterCustomerReply,
  allowedTransitions,
  autoCloseAt,
  mayTransition,
  ticketNumber,
} from '../../shared/domain/service/ticket-workflow.js';

describe('ticket workflow', () => {
  it('moves between the working states and to solved, but never back to new', () => {
    for (const from of ['open', 'pending', 'on-hold'] as const) {
      expect(mayTransition(from, 'solved')).toBe(true);
      expect(mayTransition(from, 'new')).toBe(false);
      expect(mayTransition(from, 'closed')).toBe(false);
    }
    expect(mayTransition('new', 'open')).toBe(true);
  });

  it('reopens or closes a solved ticket, and a closed ticket is final', () => {
    expect(allowedTransitions('solved')).toEqual(['open', 'closed']);
    for (const to of TICKET_STATUSES) expect(mayTransition('closed', to)).toBe(false);
  });

  it('never allows staying in place as a transition', () => {
    for (const s of TICKET_STATUSES) expect(mayTransition(s, s)).toBe(false);
  });

  it('closes a solved ticket after 4 days by default', () => {
    expect(autoCloseAt('2026-12-04T10:00:00.000Z')).toBe('2026-12-08T10:00:00.000Z');
    expect(autoCloseAt('2026-12-04T10:00:00.000Z', 1)).toBe('2026-12-05T10:00:00.000Z');
  });

  it('reopens a solved ticket on a customer reply, starts a follow-up on a closed one', () => {
    expect(afterCustomerReply('solved')).toEqual({ kind: 'status', status: 'open', reopened: true });
    expect(afterCustomerReply('pending')).toEqual({ kind: 'status', status: 'open', reopened: false });
    expect(afterCustomerReply('on-hold')).toEqual({ kind: 'status', status: 'on-hold', reopened: false });
    expect(afterCustomerReply('closed')).toEqual({ kind: 'followUp' });
    expect(afterAgentReply('new')).toBe('open');
    expect(afterAgentReply('pending')).toBe('pending');
  });

  it('numbers tickets T-000123', () => {
    expect(ticketNumber(123)).toBe('T-000123');
    expect(ticketNumber(1_234_567)).toBe('T-1234567');
  });
});
