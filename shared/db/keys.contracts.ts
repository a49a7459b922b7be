import type { Key, ListSource } from './keys.core.js';

/**
 * Keys of contracts, their attachments, payments and company receivables. Built here and
 * nowhere else; every partition value starts with CONTRACT.
 *
 * Base table
 * | item                            | pk                              | sk                     |
 * |---------------------------------|---------------------------------|------------------------|
 * | contract (schedule, payments)   | CONTRACT#<id>                   | CONTRACT               |
 * | attachment metadata             | CONTRACT#<id>                   | ATTACHMENT#<attId>     |
 * | reminder (keys.notifications)   | CONTRACT#<id>                   | REMINDER#<offset>      |
 * | contract number counter         | CONTRACT#COUNTER                | COUNTER                |
 * | company receivables (per cur.)  | CONTRACT#COMPANY#<companyId>    | RECEIVABLES#<currency> |
 *
 * One Query of pk CONTRACT#<id> reads the contract with its attachments (and reminders): the
 * whole detail page in one request.
 *
 * Overloaded GSIs (project ALL). Only live (active) contracts carry the END entries.
 * | index | pk                              | sk                  | access pattern                                  |
 * |-------|---------------------------------|---------------------|-------------------------------------------------|
 * | gsi1  | CONTRACT                        | <updatedAt>#<id>    | all contracts, recently updated first           |
 * | gsi4  | CONTRACT#OWNER#<ownerId>        | <updatedAt>#<id>    | a rep's contracts                               |
 * | gsi10 | CONTRACT#TEAM#<teamId>          | <updatedAt>#<id>    | a team's contracts (manager)                    |
 * | gsi5  | CONTRACT#END                    | <endDate>#<id>      | active contracts by end date: expiring / expired|
 * | gsi6  | CONTRACT#END#OWNER#<ownerId>    | <endDate>#<id>      | the same, a rep's                               |
 * | gsi11 | CONTRACT#END#TEAM#<teamId>      | <endDate>#<id>      | the same, a team's                              |
 * | gsi7  | CONTRACT#COMPANY#<companyId>    | <endDate>#<id>      | a company's contracts (receivables, overdue)    |
 * "Expiring soon" is a BETWEEN today and today+N on an END index; "expired" is below today.
 * A lifecycle status filter (draft, renewed, terminated) is a FilterExpression on the updated list.
 * A manager of several teams reads each team's partition (gsi10 or gsi11), one Query per team per
 * page, merged by sort key (contracts.repository.ts listContractItemsMerged; at most 10 teams).
 */

const T = 'CONTRACT';
const ATTACHMENT = 'ATTACHMENT';

export const contractKeys = {
  contract: (id: string): Key => ({ pk: `${T}#${id}`, sk: T }),
  attachment: (contractId: string, attachmentId: string): Key => ({
    pk: `${T}#${contractId}`,
    sk: `${ATTACHMENT}#${attachmentId}`,
  }),
  counter: (): Key => ({ pk: `${T}#COUNTER`, sk: 'COUNTER' }),
  receivables: (companyId: string, currency: string): Key => ({
    pk: `${T}#COMPANY#${companyId}`,
    sk: `RECEIVABLES#${currency}`,
  }),
};

/** Which item of a contract's partition this is: the contract itself or one attachment's metadata. */
export function contractPartItem(item: { sk?: unknown }): 'contract' | 'attachment' | undefined {
  const sk = String(item.sk);
  if (sk === T) return 'contract';
  return sk.startsWith(`${ATTACHMENT}#`) ? 'attachment' : undefined;
}

export interface IndexedContract {
  id: string;
  status: string;
  ownerId: string;
  teamId?: string;
  companyId: string;
  endDate: string;
  updatedAt: string;
}

export function contractIndexKeys(c: IndexedContract): Record<string, string> {
  const updated = `${c.updatedAt}#${c.id}`;
  const end = `${c.endDate}#${c.id}`;
  const out: Record<string, string> = {
    gsi1pk: T,
    gsi1sk: updated,
    gsi4pk: `${T}#OWNER#${c.ownerId}`,
    gsi4sk: updated,
    gsi7pk: `${T}#COMPANY#${c.companyId}`,
    gsi7sk: end,
  };
  if (c.teamId) Object.assign(out, { gsi10pk: `${T}#TEAM#${c.teamId}`, gsi10sk: updated });
  if (c.status === 'active') {
    Object.assign(out, { gsi5pk: `${T}#END`, gsi5sk: end, gsi6pk: `${T}#END#OWNER#${c.ownerId}`, gsi6sk: end });
    if (c.teamId) Object.assign(out, { gsi11pk: `${T}#END#TEAM#${c.teamId}`, gsi11sk: end });
  }
  return out;
}

export type ContractScopeKey = { kind: 'all' } | { kind: 'owner'; ownerId: string } | { kind: 'team'; teamId: string };

/** Contracts in a scope, recently updated first (read with forward: false). */
export function contractListSource(scope: ContractScopeKey): ListSource {
  if (scope.kind === 'owner') return { index: 'gsi4', pk: `${T}#OWNER#${scope.ownerId}` };
  if (scope.kind === 'team') return { index: 'gsi10', pk: `${T}#TEAM#${scope.teamId}` };
  return { index: 'gsi1', pk: T };
}

/** Active contracts in a scope whose end date lies in [from, to] (either end open), soonest first. */
export function contractEndSource(scope: ContractScopeKey, from?: string, to?: string): ListSource {
  const range = { ...(from ? { from } : {}), ...(to ? { to: `${to}#~` } : {}) };
  if (scope.kind === 'owner') return { index: 'gsi6', pk: `${T}#END#OWNER#${scope.ownerId}`, skRange: range };
  if (scope.kind === 'team') return { index: 'gsi11', pk: `${T}#END#TEAM#${scope.teamId}`, skRange: range };
  return { index: 'gsi5', pk: `${T}#END`, skRange: range };
}

/** A company's contracts (every status), by end date. */
export function companyContractsSource(companyId: string): ListSource {
  return { index: 'gsi7', pk: `${T}#COMPANY#${companyId}` };
}

/** A contract's partition: the contract, its attachments and reminders. */
export function contractPartitionSource(contractId: string): ListSource {
  return { index: 'table', pk: `${T}#${contractId}` };
}

export function receivablesSource(companyId: string): ListSource {
  return { index: 'table', pk: `${T}#COMPANY#${companyId}`, skPrefix: 'RECEIVABLES#' };
}
