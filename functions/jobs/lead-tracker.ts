import type { EventBridgeEvent } from 'aws-lambda';
import { parseConfigAtColdStart } from '../../shared/config.js';
import { isPoolOwner, NO_TEAM, teamKeyOf } from '../../shared/db/keys.leads.js';
import { type TransactItem, transactWrite } from '../../shared/db/kit.js';
import {
  deleteLeadState,
  isOwnedLead,
  type LeadState,
  loadLeadContext,
  releaseOne,
  replaceLeadState,
} from '../../shared/db/leads.repository.js';
import { AppError } from '../../shared/domain/common/errors.js';
import type { DomainEventDetail } from '../../shared/events/domain-event.js';
import { logger } from '../../shared/http/logger.js';

parseConfigAtColdStart();

/**
 * Starts (or stops) a lead's follow-up clock when a contact changes outside the leads context: a
 * rep who enters a lead through /api/contacts, or a manager who reassigns one, gets N days to
 * follow it up like a lead dealt by the rules; a lead converted (stage past lead) or deleted stops
 * being tracked at once, and no longer counts toward its owner's claim limit. Reads the contact and its lead
 * state (one BatchGetItem) and writes only when they disagree, conditioned on the state's version:
 * a redelivered event, or the leads context's own changes, write nothing.
 */
export async function handler(
  event: EventBridgeEvent<string, DomainEventDetail>,
): Promise<'tracked' | 'untracked' | 'unchanged'> {
  const detail = event.detail;
  if (detail.entity !== 'contact') return 'unchanged';
  const { contact, state } = await loadLeadContext(detail.entityId, NO_TEAM);
  if (!contact) return 'unchanged';
  const items: TransactItem[] = [];
  let outcome: 'tracked' | 'untracked' | 'unchanged' = 'unchanged';
  if (isOwnedLead(contact)) {
    const current = state?.status === 'owned' && state.ownerId === contact.ownerId;
    const sameTeam = state?.teamId === contact.teamId;
    if (current && sameTeam) return 'unchanged';
    if (state?.counted && state.ownerId && state.ownerId !== contact.ownerId) items.push(releaseOne(state.ownerId));
    const next: LeadState = {
      contactId: contact.id,
      status: 'owned',
      ownerId: contact.ownerId,
      ...(contact.teamId ? { teamId: contact.teamId } : {}),
      // A new owner starts a fresh clock; a team move keeps the last follow-up.
      lastFollowUpAt: current && state?.lastFollowUpAt ? state.lastFollowUpAt : detail.at,
      ...(state?.cooldowns ? { cooldowns: state.cooldowns } : {}),
      ...(current && state?.counted ? { counted: true } : {}),
      version: (state?.version ?? 0) + 1,
    };
    items.push(replaceLeadState(state, next));
    outcome = 'tracked';
  } else if (state?.status === 'owned' && !isPoolOwner(contact.ownerId)) {
    items.push(deleteLeadState(state));
    if (state.counted && state.ownerId) items.push(releaseOne(state.ownerId));
    outcome = 'untracked';
  } else {
    return 'unchanged';
  }
  try {
    await transactWrite(items, () => new AppError('conflict', 'leadPool.changed', 'changed meanwhile'));
  } catch (error) {
    // Changed meanwhile (a claim, a follow-up): that change already set the state right.
    if (error instanceof AppError && error.kind === 'conflict') return 'unchanged';
    throw error;
  }
  logger.info('lead tracking', { outcome, team: teamKeyOf(contact.teamId) });
  return outcome;
}
