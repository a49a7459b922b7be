import { id } from '../../domain/common/fields.js';
import * as z from '../../domain/common/zod.js';
import {
  attachmentCreate,
  contractCreate,
  contractListQuery,
  contractPatch,
  contractRenew,
  contractTerminate,
  paymentCreate,
} from '../../domain/contracts/contract.schema.js';
import { routeContract } from '../route.js';

const idParams = z.strictObject({ id });
const attachmentParams = z.strictObject({ id, attachmentId: id });

export const contractsApi = {
  'GET /api/contracts': routeContract({ query: contractListQuery }),
  'POST /api/contracts': routeContract({ body: contractCreate, idempotent: true }),
  'GET /api/contracts/{id}': routeContract({ params: idParams }),
  'PATCH /api/contracts/{id}': routeContract({ params: idParams, body: contractPatch, versioned: true }),
  'POST /api/contracts/{id}/renew': routeContract({ params: idParams, body: contractRenew }),
  'POST /api/contracts/{id}/terminate': routeContract({ params: idParams, body: contractTerminate }),
  'POST /api/contracts/{id}/attachments': routeContract({ params: idParams, body: attachmentCreate }),
  'POST /api/contracts/{id}/attachments/{attachmentId}/confirm': routeContract({ params: attachmentParams }),
  'GET /api/contracts/{id}/attachments/{attachmentId}': routeContract({ params: attachmentParams }),
  'POST /api/contracts/{id}/payments': routeContract({ params: idParams, body: paymentCreate }),
  'GET /api/companies/{id}/receivables': routeContract({ params: idParams }),
};
