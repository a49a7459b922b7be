import { routesOf } from '../../infra/manifest.js';
import { confirmAttachment, createAttachment, downloadAttachment } from '../../shared/app/contracts/attachments.js';
import {
  createContract,
  recordPayment,
  renewContract,
  terminateContract,
  updateContract,
} from '../../shared/app/contracts/contract-commands.js';
import { companyReceivables, contractDetail, listContracts } from '../../shared/app/contracts/contract-queries.js';
import { contractsApi } from '../../shared/http/contracts/contracts.contract.js';
import { created, defineRoute, ok } from '../../shared/http/route.js';
import { createHandler } from '../../shared/http/router.js';

/** Lambda entry of the contracts context: contracts, attachments, payments and receivables. */
export const handler = createHandler(
  routesOf('contracts'),
  {
    'GET /api/contracts': defineRoute({
      ...contractsApi['GET /api/contracts'],
      handle: async ({ query, principal }) => ok(await listContracts(query, principal)),
    }),
    'POST /api/contracts': defineRoute({
      ...contractsApi['POST /api/contracts'],
      handle: async ({ body, principal, idempotency }) => createContract(body, principal, idempotency),
    }),
    'GET /api/contracts/{id}': defineRoute({
      ...contractsApi['GET /api/contracts/{id}'],
      handle: async ({ params, principal }) => ok(await contractDetail(params.id, principal)),
    }),
    'PATCH /api/contracts/{id}': defineRoute({
      ...contractsApi['PATCH /api/contracts/{id}'],
      handle: async ({ params, body, version, principal }) =>
        ok(await updateContract(params.id, body, version, principal)),
    }),
    'POST /api/contracts/{id}/renew': defineRoute({
      ...contractsApi['POST /api/contracts/{id}/renew'],
      handle: async ({ params, body, principal }) => ok(await renewContract(params.id, body, principal)),
    }),
    'POST /api/contracts/{id}/terminate': defineRoute({
      ...contractsApi['POST /api/contracts/{id}/terminate'],
      handle: async ({ params, body, principal }) =>
        ok(await terminateContract(params.id, body.version, body.reason, principal)),
    }),
    'POST /api/contracts/{id}/attachments': defineRoute({
      ...contractsApi['POST /api/contracts/{id}/attachments'],
      handle: async ({ params, body, principal }) => created(await createAttachment(params.id, body, principal)),
    }),
    'POST /api/contracts/{id}/attachments/{attachmentId}/confirm': defineRoute({
      ...contractsApi['POST /api/contracts/{id}/attachments/{attachmentId}/confirm'],
      handle: async ({ params, principal }) => ok(await confirmAttachment(params.id, params.attachmentId, principal)),
    }),
    'GET /api/contracts/{id}/attachments/{attachmentId}': defineRoute({
      ...contractsApi['GET /api/contracts/{id}/attachments/{attachmentId}'],
      handle: async ({ params, principal }) => ok(await downloadAttachment(params.id, params.attachmentId, principal)),
    }),
    'POST /api/contracts/{id}/payments': defineRoute({
      ...contractsApi['POST /api/contracts/{id}/payments'],
      handle: async ({ params, body, principal }) => created(await recordPayment(params.id, body, principal)),
    }),
    'GET /api/companies/{id}/receivables': defineRoute({
      ...contractsApi['GET /api/companies/{id}/receivables'],
      handle: async ({ params, principal }) => ok(await companyReceivables(params.id, principal)),
    }),
  },
  contractsApi,
);
