import { inScope, type Principal, recordScopeOf } from '../../auth/principal.js';
import {
  getContractWithAttachments,
  listCompanyContracts,
  listContracts as listContractsInScope,
  readReceivables,
} from '../../db/contracts.repository.js';
import { notFound } from '../../domain/common/errors.js';
import type { ContractListQuery, ContractView } from '../../domain/contracts/contract.schema.js';
import { contractView, outstandingOf, overdueOf } from '../../domain/contracts/contract-rules.js';
import { dateInZone } from '../../domain/notifications/reminder-times.js';

/**
 * Reads of contracts, scoped IN THE QUERY (the repository's lists take the caller's scope);
 * here the views: status as of today, and the `expiring` / `active` split by reminder window.
 */

export async function listContracts(
  query: ContractListQuery,
  principal: Principal,
  now = new Date(),
): Promise<{ items: ContractView[]; nextCursor: string | null }> {
  const result = await listContractsInScope(recordScopeOf(principal), query, dateInZone(now));
  let items = result.items.map((c) => contractView(c, now));
  // `expiring` means within the contract's own reminder window; `active` excludes those.
  if (query.status === 'expiring') items = items.filter((c) => c.status === 'expiring');
  if (query.status === 'active') items = items.filter((c) => c.status === 'active');
  return { items, nextCursor: result.nextCursor };
}

export async function contractDetail(id: string, principal: Principal, now = new Date()): Promise<ContractView> {
  const found = await getContractWithAttachments(id);
  if (!found || !inScope(recordScopeOf(principal), found.contract)) throw notFound('contract');
  const { reminders: _r, ...contract } = found.contract;
  return { ...contractView(contract, now), attachments: found.attachments };
}

export interface CompanyReceivables {
  companyId: string;
  totals: { currency: string; contracted: number; paid: number; outstanding: number; overdue: number }[];
  contracts: Pick<
    ContractView,
    'id' | 'number' | 'title' | 'status' | 'currency' | 'outstanding' | 'overdue' | 'endDate'
  >[];
}

/**
 * A company's receivables: the maintained totals per currency (outstanding) and its contracts
 * with their overdue amounts (overdue depends on today, so it is computed from the schedule).
 * Two requests. Scoped: a rep sees the figures of the contracts they may read.
 */
export async function companyReceivables(
  companyId: string,
  principal: Principal,
  now = new Date(),
): Promise<CompanyReceivables> {
  const scope = recordScopeOf(principal);
  const [rows, page] = await Promise.all([readReceivables(companyId), listCompanyContracts(companyId, 200)]);
  const visible = page.items.filter((c) => inScope(scope, c));
  const contracts = visible.map((c) => contractView(c, now));
  const overdueBy = new Map<string, number>();
  const outstandingBy = new Map<string, number>();
  for (const c of visible) {
    if (c.status === 'draft') continue;
    const today = dateInZone(now, c.timeZone);
    overdueBy.set(c.currency, (overdueBy.get(c.currency) ?? 0) + overdueOf(c, today));
    outstandingBy.set(c.currency, (outstandingBy.get(c.currency) ?? 0) + outstandingOf(c));
  }
  const totals =
    scope.kind === 'all'
      ? rows.map((r) => ({ ...r, overdue: overdueBy.get(r.currency) ?? 0 }))
      : [...outstandingBy.entries()].map(([currency, outstanding]) => {
          const mine = visible.filter((c) => c.currency === currency && c.status !== 'draft');
          return {
            currency,
            contracted: mine.reduce(
              (s, c) => s + (c.schedule.length ? c.schedule.reduce((a, i) => a + i.amount, 0) : c.value),
              0,
            ),
            paid: mine.reduce((s, c) => s + c.paid, 0),
            outstanding,
            overdue: overdueBy.get(currency) ?? 0,
          };
        });
  return {
    companyId,
    totals: totals.filter((t) => t.contracted !== 0 || t.outstanding !== 0),
    contracts: contracts.map(({ id, number, title, status, currency, outstanding, overdue, endDate }) => ({
      id,
      number,
      title,
      status,
      currency,
      outstanding,
      overdue,
      endDate,
    })),
  };
}
