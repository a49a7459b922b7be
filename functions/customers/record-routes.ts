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
import { id, pageQuery } from '../../shared/domain/common/fields.js';
import * as z from '../../shared/domain/common/zod.js';
import { defineRoute, ok, type RouteDef } from '../../shared/http/route.js';

const idParams = z.strictObject({ id });
const timelineQuery = z.strictObject(pageQuery);

/**
 * The seven routes of a customer record kind (see recordRoutes in infra/manifest.ts), bound to
 * that kind's schemas. Contacts and companies differ only in their schemas.
 */
export function customerRecordRoutes(
  kind: RecordKind,
  base: string,
  schemas: { create: z.ZodMiniType; patch: z.ZodMiniType; list: z.ZodMiniType },
): Record<string, RouteDef> {
  return {
    [`GET ${base}`]: defineRoute({
      query: schemas.list,
      handle: async ({ query, principal }) => ok(await listCustomerRecords(kind, query as ListQuery, principal)),
    }),
    [`POST ${base}`]: defineRoute({
      body: schemas.create,
      idempotent: true,
      handle: async ({ body, principal, idempotency }) =>
        createCustomerRecord(kind, body as Record<string, unknown>, principal, idempotency),
    }),
    [`GET ${base}/{id}`]: defineRoute({
      params: idParams,
      handle: async ({ params, principal }) =>
        ok(await revealFor(kind, await readRecordOrThrow(kind, params.id, principal), principal)),
    }),
    [`PATCH ${base}/{id}`]: defineRoute({
      params: idParams,
      body: schemas.patch,
      versioned: true,
      handle: async ({ params, body, version, principal }) =>
        ok(await updateCustomerRecord(kind, params.id, body as Record<string, unknown>, version, principal)),
    }),
    [`DELETE ${base}/{id}`]: defineRoute({
      params: idParams,
      handle: async ({ params, principal }) =>
        ok(await revealFor(kind, await deleteCustomerRecord(kind, params.id, principal), principal)),
    }),
    [`POST ${base}/{id}/restore`]: defineRoute({
      params: idParams,
      handle: async ({ params, principal }) =>
        ok(await revealFor(kind, await restoreCustomerRecord(kind, params.id, principal), principal)),
    }),
    [`GET ${base}/{id}/timeline`]: defineRoute({
      params: idParams,
      query: timelineQuery,
      handle: async ({ params, query, principal }) => ok(await recordTimeline(kind, params.id, principal, query)),
    }),
  };
}
