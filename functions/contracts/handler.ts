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
import { id } from '../../shared/domain/common/fields.js';
import * as z from '../../shared/domain/common/zod.js';
import {
  attachmentCreate,
  contractCreate,
  contractListQuery,
  contractPatch,
  contractRenew,
  contractTerminate,
  paymentCreate,
} from '../../shared/domain/contracts/contract.schema.js';
import { created, defineRoute, ok } from '../../shared/http/route.js';
import { createHandler } from '../../shared/http/router.js';

const idParams = z.strictObject({ id });
const attachmentParams = z.strictObject({ id, attachmentId: id });

/** Lambda entry of the contracts context: contracts, attachments, payments and receivables. */
export const handler = createHandler(routesOf('contracts'), {
  'GET /api/contracts': defineRoute({
    query: contractListQuery,
    handle: async ({ query, principal }) => ok(await listContracts(query, principal)),
  }),
  'POST /api/contracts': defineRoute({
    body: contractCreate,
    idempotent: true,
    handle: async ({ body, principal, idempotency }) => createContract(body, principal, idempotency),
  }),
  'GET /api/contracts/{id}': defineRoute({
    params: idParams,
    handle: async ({ params, principal }) => ok(await contractDetail(params.id, principal)),
  }),
  'PATCH /api/contracts/{id}': defineRoute({
    params: idParams,
    body: contractPatch,
    versioned: true,
    handle: async ({ params, body, version, principal }) =>
      ok(await updateContract(params.id, body, version, principal)),
  }),
  'POST /api/contracts/{id}/renew': defineRoute({
    params: idParams,
    body: contractRenew,
    handle: async ({ params, body, principal }) => ok(await renewContract(params.id, body, principal)),
  }),
  'POST /api/contracts/{id}/terminate': defineRoute({
    params: idParams,
    body: contractTerminate,
    handle: async ({ params, body, principal }) =>
      ok(await terminateContract(params.id, body.version, body.reason, principal)),
  }),
  'POST /api/contracts/{id}/attachments': defineRoute({
    params: idParams,
    body: attachmentCreate,
    handle: async ({ params, body, principal }) => created(await createAttachment(params.id, body, principal)),
  }),
  'POST /api/contracts/{id}/attachments/{attachmentId}/confirm': defineRoute({
    params: attachmentParams,
    handle: async ({ params, principal }) => ok(await confirmAttachment(params.id, params.attachmentId, principal)),
  }),
  'GET /api/contracts/{id}/attachments/{attachmentId}': defineRoute({
    params: attachmentParams,
    handle: async ({ params, principal }) => ok(await downloadAttachment(params.id, params.attachmentId, principal)),
  }),
  'POST /api/contracts/{id}/payments': defineRoute({
    params: idParams,
    body: paymentCreate,
    handle: async ({ params, body, principal }) => created(await recordPayment(params.id, body, principal)),
  }),
  'GET /api/companies/{id}/receivables': defineRoute({
    params: idParams,
    handle: async ({ params, principal }) => ok(await companyReceivables(params.id, principal)),
  }),
});
