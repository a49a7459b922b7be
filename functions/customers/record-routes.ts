import {
  createCustomerRecord,
  deleteCustomerRecord,
  readRecordOrThrow,
  restoreCustomerRecord,
  updateCustomerRecord,
} from '../../shared/app/customers/record-commands.js';
import { listCustomerRecords, recordTimeline } from '../../shared/app/customers/record-queries.js';
import { revealFor } from '../../shared/app/customers/sensitive-values.js';
import type { ListQuery } from '../../shared/db/customer-records.repository.js';
import type { RecordKind } from '../../shared/db/keys.js';
import { type RecordContracts, recordRouteKeys } from '../../shared/http/contracts/customers.contract.js';
import { defineRoute, ok, type RouteDef } from '../../shared/http/route.js';

/**
 * The seven routes of a customer record kind (see recordRoutes in infra/manifest.ts), bound to
 * that kind's contracts (shared/http/contracts/customers.contract.ts).
 */
export function customerRecordRoutes(
  kind: RecordKind,
  base: string,
  contracts: RecordContracts,
): Record<string, RouteDef> {
  const keys = recordRouteKeys(base);
  return {
    [keys.list]: defineRoute({
      ...contracts.list,
      handle: async ({ query, principal }) => ok(await listCustomerRecords(kind, query as ListQuery, principal)),
    }),
    [keys.create]: defineRoute({
      ...contracts.create,
      handle: async ({ body, principal, idempotency }) =>
        createCustomerRecord(kind, body as Record<string, unknown>, principal, idempotency),
    }),
    [keys.read]: defineRoute({
      ...contracts.read,
      handle: async ({ params, principal }) =>
        ok(await revealFor(kind, await readRecordOrThrow(kind, params.id, principal), principal)),
    }),
    [keys.patch]: defineRoute({
      ...contracts.patch,
      handle: async ({ params, body, version, principal }) =>
        ok(await updateCustomerRecord(kind, params.id, body as Record<string, unknown>, version, principal)),
    }),
    [keys.delete]: defineRoute({
      ...contracts.delete,
      handle: async ({ params, principal }) =>
        ok(await revealFor(kind, await deleteCustomerRecord(kind, params.id, principal), principal)),
    }),
    [keys.restore]: defineRoute({
      ...contracts.restore,
      handle: async ({ params, principal }) =>
        ok(await revealFor(kind, await restoreCustomerRecord(kind, params.id, principal), principal)),
    }),
    [keys.timeline]: defineRoute({
      ...contracts.timeline,
      handle: async ({ params, query, principal }) => ok(await recordTimeline(kind, params.id, principal, query)),
    }),
  };
}
