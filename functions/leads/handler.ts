import { routesOf } from '../../infra/manifest.js';
import { findDuplicates } from '../../shared/app/leads/duplicates.js';
import { createLead } from '../../shared/app/leads/lead-create.js';
import { claimLead, releaseLead } from '../../shared/app/leads/pool-commands.js';
import { listPool } from '../../shared/app/leads/pool-queries.js';
import { rulesOf, saveRules } from '../../shared/app/leads/rules-commands.js';
import { id } from '../../shared/domain/common/fields.js';
import * as z from '../../shared/domain/common/zod.js';
import { duplicatesQuery, leadCreate, leadRulesPut, poolListQuery } from '../../shared/domain/leads/lead.schema.js';
import { defineRoute, ok } from '../../shared/http/route.js';
import { createHandler } from '../../shared/http/router.js';

const idParams = z.strictObject({ id });

/** Lambda entry of the leads context: the lead pool (公海), new leads by rules, lead rules, duplicate check. */
export const handler = createHandler(routesOf('leads'), {
  'GET /api/lead-pool': defineRoute({
    query: poolListQuery,
    handle: async ({ query, principal }) => ok(await listPool(query, principal)),
  }),
  'POST /api/lead-pool/{id}/claim': defineRoute({
    params: idParams,
    handle: async ({ params, principal }) => ok(await claimLead(params.id, principal)),
  }),
  'POST /api/lead-pool/{id}/release': defineRoute({
    params: idParams,
    handle: async ({ params, principal }) => ok(await releaseLead(params.id, principal)),
  }),
  'POST /api/leads': defineRoute({
    body: leadCreate,
    idempotent: true,
    handle: async ({ body, principal, idempotency }) => createLead(body, principal, idempotency),
  }),
  'GET /api/lead-rules': defineRoute({ handle: async ({ principal }) => ok(await rulesOf(principal)) }),
  'PUT /api/lead-rules/{id}': defineRoute({
    params: idParams,
    body: leadRulesPut,
    handle: async ({ params, body, principal }) => ok(await saveRules(params.id, body, principal)),
  }),
  'GET /api/duplicates': defineRoute({
    query: duplicatesQuery,
    handle: async ({ query, principal }) => ok(await findDuplicates(query, principal)),
  }),
});
