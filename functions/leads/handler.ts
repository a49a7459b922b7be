import { routesOf } from '../../infra/manifest.js';
import { findDuplicates } from '../../shared/app/leads/duplicates.js';
import { createLead } from '../../shared/app/leads/lead-create.js';
import { claimLead, releaseLead } from '../../shared/app/leads/pool-commands.js';
import { listPool } from '../../shared/app/leads/pool-queries.js';
import { rulesOf, saveRules } from '../../shared/app/leads/rules-commands.js';
import { leadsApi } from '../../shared/http/contracts/leads.contract.js';
import { defineRoute, ok } from '../../shared/http/route.js';
import { createHandler } from '../../shared/http/router.js';

/** Lambda entry of the leads context: the lead pool (公海), new leads by rules, lead rules, duplicate check. */
export const handler = createHandler(
  routesOf('leads'),
  {
    'GET /api/lead-pool': defineRoute({
      ...leadsApi['GET /api/lead-pool'],
      handle: async ({ query, principal }) => ok(await listPool(query, principal)),
    }),
    'POST /api/lead-pool/{id}/claim': defineRoute({
      ...leadsApi['POST /api/lead-pool/{id}/claim'],
      handle: async ({ params, principal }) => ok(await claimLead(params.id, principal)),
    }),
    'POST /api/lead-pool/{id}/release': defineRoute({
      ...leadsApi['POST /api/lead-pool/{id}/release'],
      handle: async ({ params, principal }) => ok(await releaseLead(params.id, principal)),
    }),
    'POST /api/leads': defineRoute({
      ...leadsApi['POST /api/leads'],
      handle: async ({ body, principal, idempotency }) => createLead(body, principal, idempotency),
    }),
    'GET /api/lead-rules': defineRoute({ handle: async ({ principal }) => ok(await rulesOf(principal)) }),
    'PUT /api/lead-rules/{id}': defineRoute({
      ...leadsApi['PUT /api/lead-rules/{id}'],
      handle: async ({ params, body, principal }) => ok(await saveRules(params.id, body, principal)),
    }),
    'GET /api/duplicates': defineRoute({
      ...leadsApi['GET /api/duplicates'],
      handle: async ({ query, principal }) => ok(await findDuplicates(query, principal)),
    }),
  },
  leadsApi,
);
