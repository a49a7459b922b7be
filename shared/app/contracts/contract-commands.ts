import { createHash, randomUUID } from 'node:crypto';
import { checkOwnerAssignment, teamOnAssignment } from '../../auth/assignment.js';
import { inScope, type Principal, recordScopeOf } from '../../auth/principal.js';
import { auditRecord } from '../../db/audit.js';
import {
  getContract,
  nextContractNumber,
  type StoredContract,
  stripReminders,
  writeContract,
} from '../../db/contracts.repository.js';
import { type IdempotencyRequest, replayed, storeAnswer } from '../../db/idempotency.js';
import { dealKeys } from '../../db/keys.deals.js';
import { keys } from '../../db/keys.js';
import { getItems } from '../../db/kit.js';
import { diffRecords } from '../../domain/common/diff.js';
import { AppError, invalid, notFound, staleVersion } from '../../domain/common/errors.js';
import { formatMoney } from '../../domain/common/money.js';
import {
  type Contract,
  type ContractCreate,
  type ContractPatch,
  type ContractRenew,
  type ContractView,
  DEFAULT_REMINDER_OFFSETS,
  MAX_PAYMENTS,
  type PaymentCreate,
} from '../../domain/contracts/contract.schema.js';
import {
  checkContract,
  contractView,
  normaliseSchedule,
  outstandingOf,
} from '../../domain/contracts/contract-rules.js';
import { DEFAULT_TIME_ZONE } from '../../domain/notifications/reminder-times.js';
import { createDeal } from '../deals/deal-commands.js';

/**
 * The commands of a contract: create, edit, renew (a new deal), terminate, record a payment.
 * Each reads what it needs, applies the pure rules (contract-rules.ts) and writes the contract
 * with its audit record, reminders and receivables in one transaction (contracts.repository.ts).
 * A contract outside the principal's scope answers 404, like one that does not exist.
 */

export async function contractOrThrow(id: string, principal: Principal): Promise<StoredContract> {
  const contract = await getContract(id);
  if (!contract || !inScope(recordScopeOf(principal), contract)) throw notFound('contract');
  return contract;
}

interface References {
  company?: { id: string; name: string; deletedAt?: string };
  owner?: { id: string; name: string; teamIds?: string[] };
  deal?: { id: string; name: string };
}

/** Company, owner profile and deal in one BatchGet (eventually consistent: names and teams to copy). */
async function loadReferences(companyId?: string, ownerId?: string, dealId?: string): Promise<References> {
  const [company, owner, deal] = await getItems(
    [
      companyId ? keys.record('company', companyId) : undefined,
      ownerId ? keys.user(ownerId) : undefined,
      dealId ? dealKeys.deal(dealId) : undefined,
    ],
    { consistent: false },
  );
  return {
    company: company as References['company'],
    owner: owner as References['owner'],
    deal: deal as References['deal'],
  };
}

/** Reps own what they create; managers assign within their teams; admins anyone. */
function ownership(principal: Principal, ownerId: string, refs: References, currentTeam?: string) {
  checkOwnerAssignment(principal, ownerId, 'contracts');
  const ownerName = refs.owner?.name ?? (ownerId === principal.userId ? principal.name : undefined);
  if (!ownerName) throw invalid({ ownerId: 'Unknown user' });
  // An owner not (yet) in the staff directory is the principal: their own teams then.
  const teamId = teamOnAssignment(principal, refs.owner?.teamIds ?? principal.teamIds, currentTeam, 'contracts');
  return { ownerName, teamId };
}

export async function createContract(
  input: ContractCreate,
  principal: Principal,
  idempotency?: IdempotencyRequest,
  now = new Date(),
): Promise<{ status: number; body: ContractView }> {
  const again = await replayed<ContractView>(idempotency);
  if (again) return again;
  const ownerId = input.ownerId ?? principal.userId;
  const refs = await loadReferences(input.companyId, ownerId, input.dealId);
  const errors: Record<string, string> = {};
  if (!refs.company || refs.company.deletedAt) errors.companyId = 'Unknown company';
  if (input.dealId && !refs.deal) errors.dealId = 'Unknown deal';
  if (Object.keys(errors).length) throw invalid(errors);
  const { ownerName, teamId } = ownership(principal, ownerId, refs);
  const at = now.toISOString();
  const { schedule, reminderOffsets, timeZone, status, ...fields } = input;
  const contract: Contract = {
    ...fields,
    id: randomUUID(),
    number: '',
    companyName: refs.company!.name,
    status: status ?? 'active',
    reminderOffsets: reminderOffsets ?? [...DEFAULT_REMINDER_OFFSETS],
    timeZone: timeZone ?? DEFAULT_TIME_ZONE,
    schedule: normaliseSchedule(schedule ?? []),
    payments: [],
    paid: 0,
    ownerId,
    ownerName,
    ...(teamId ? { teamId } : {}),
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  checkContract(contract);
  contract.number = await nextContractNumber();
  const audit = auditRecord({
    kind: 'contract',
    entityId: contract.id,
    entityName: `${contract.number} ${contract.title}`,
    action: 'created',
    actor: principal,
    changes: visibleChanges(undefined, contract),
    at,
  });
  // The answer is the view at creation; the same transaction stores it for a retried request.
  const view = contractView(stripReminders({ ...contract, reminders: [] }), now);
  const stored = await writeContract(
    undefined,
    contract,
    audit,
    now,
    storeAnswer(idempotency, 201, view, now.getTime()),
  );
  return { status: 201, body: contractView(stripReminders(stored), now) };
}

/** The timeline shows what people changed; payments are listed on their own. */
function visibleChanges(before: Contract | undefined, after: Contract) {
  return diffRecords(before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>).filter(
    (c) => !c.field.startsWith('payments') && !c.field.startsWith('reminders'),
  );
}

async function applyChange(
  before: StoredContract,
  after: Contract,
  principal: Principal,
  now: Date,
  events: string[] = [],
): Promise<ContractView> {
  const changes = visibleChanges(before, after);
  if (changes.length === 0) return contractView(stripReminders(before), now);
  const audit = auditRecord({
    kind: 'contract',
    entityId: after.id,
    entityName: `${after.number} ${after.title}`,
    action: 'updated',
    actor: principal,
    changes,
    at: after.updatedAt,
    events,
  });
  const stored = await writeContract(before, after, audit, now);
  return contractView(stripReminders(stored), now);
}

function checkVersion(c: StoredContract, version: number): void {
  if (c.version !== version) throw staleVersion('contract');
}

export async function updateContract(
  id: string,
  patch: Omit<ContractPatch, 'version'>,
  version: number,
  principal: Principal,
  now = new Date(),
): Promise<ContractView> {
  const before = await contractOrThrow(id, principal);
  checkVersion(before, version);
  if (before.status === 'renewed' || before.status === 'terminated') {
    throw new AppError('conflict', 'contract.closed', `A ${before.status} contract cannot be edited`);
  }
  if (patch.status === 'draft' && before.status === 'active')
    throw invalid({ status: 'An active contract cannot go back to draft' });
  const ownerId = patch.ownerId ?? before.ownerId;
  const refs = await loadReferences(
    undefined,
    ownerId !== before.ownerId ? ownerId : undefined,
    patch.dealId ?? undefined,
  );
  if (patch.dealId && !refs.deal) throw invalid({ dealId: 'Unknown deal' });
  const owner =
    ownerId !== before.ownerId
      ? ownership(principal, ownerId, refs, before.teamId)
      : { ownerName: before.ownerName, teamId: before.teamId };
  const { schedule, dealId, paymentTerms, ...rest } = patch;
  const after: Contract = {
    ...stripReminders(before),
    ...rest,
    ownerId,
    ownerName: owner.ownerName,
    version: before.version + 1,
    updatedAt: now.toISOString(),
  };
  if (owner.teamId) after.teamId = owner.teamId;
  else delete after.teamId;
  if (schedule) after.schedule = normaliseSchedule(schedule);
  if (dealId === null) delete after.dealId;
  else if (dealId) after.dealId = dealId;
  if (paymentTerms === null) delete after.paymentTerms;
  else if (paymentTerms !== undefined) after.paymentTerms = paymentTerms;
  checkContract(after);
  return applyChange(before, after, principal, now);
}

export async function terminateContract(
  id: string,
  version: number,
  reason: string | undefined,
  principal: Principal,
  now = new Date(),
): Promise<ContractView> {
  const before = await contractOrThrow(id, principal);
  checkVersion(before, version);
  if (before.status === 'terminated' || before.status === 'renewed') {
    throw new AppError('conflict', 'contract.closed', `The contract is already ${before.status}`);
  }
  const after: Contract = {
    ...stripReminders(before),
    status: 'terminated',
    ...(reason ? { terminatedReason: reason } : {}),
    version: before.version + 1,
    updatedAt: now.toISOString(),
  };
  return applyChange(before, after, principal, now, ['contract.terminated']);
}

/**
 * Renewal: a new deal for the company (through the deals context, idempotent per contract
 * version, so a retry finds the same deal), then the contract is marked renewed with the deal's
 * id. The deal's owner is the contract's.
 */
export async function renewContract(
  id: string,
  input: ContractRenew,
  principal: Principal,
  now = new Date(),
): Promise<ContractView> {
  const before = await contractOrThrow(id, principal);
  checkVersion(before, input.version);
  if (before.status !== 'active') {
    throw new AppError(
      'conflict',
      'contract.not_renewable',
      `Only an active contract can be renewed (this one is ${before.status})`,
    );
  }
  const dealInput = {
    name: input.dealName ?? `${before.title} renewal`,
    companyId: before.companyId,
    amount: input.amount ?? before.value,
    currency: before.currency,
    expectedCloseDate: before.endDate,
    ownerId: before.ownerId,
    source: 'renewal',
  };
  const requestHash = createHash('sha256').update(JSON.stringify(dealInput)).digest('hex');
  const deal = await createDeal(dealInput, principal, {
    userId: principal.userId,
    key: `renew-${before.id}-v${before.version}`,
    requestHash,
  });
  const after: Contract = {
    ...stripReminders(before),
    status: 'renewed',
    renewalDealId: deal.body.id,
    version: before.version + 1,
    updatedAt: now.toISOString(),
  };
  return applyChange(before, after, principal, now, ['contract.renewed']);
}

/** Finance records a payment: the contract's payments and paid sum, and the company's receivables, move together. */
export async function recordPayment(
  id: string,
  input: PaymentCreate,
  principal: Principal,
  now = new Date(),
): Promise<ContractView> {
  const before = await contractOrThrow(id, principal);
  checkVersion(before, input.version);
  if (before.status === 'draft') throw new AppError('conflict', 'contract.draft', 'A draft contract takes no payments');
  if (before.payments.length >= MAX_PAYMENTS)
    throw invalid({ amount: `At most ${MAX_PAYMENTS} payments per contract` });
  const outstanding = outstandingOf(before);
  if (input.amount > outstanding) {
    throw invalid({ amount: `More than the outstanding ${formatMoney(outstanding, before.currency)}` });
  }
  const { version: _v, ...payment } = input;
  const after: Contract = {
    ...stripReminders(before),
    payments: [
      ...before.payments,
      {
        id: randomUUID(),
        ...payment,
        recordedBy: { id: principal.userId, name: principal.name },
        recordedAt: now.toISOString(),
      },
    ],
    paid: before.paid + input.amount,
    version: before.version + 1,
    updatedAt: now.toISOString(),
  };
  checkContract(after);
  return applyChange(before, after, principal, now, ['contract.payment_recorded']);
}
