import { id } from '../../domain/common/fields.js';
import * as z from '../../domain/common/zod.js';
import { reassignmentCreate } from '../../domain/teams/reassignment.schema.js';
import { teamCreate, teamPatch } from '../../domain/teams/team.schema.js';
import { routeContract } from '../route.js';

const idParams = z.strictObject({ id });

export const teamsApi = {
  'GET /api/teams': routeContract({}),
  'POST /api/teams': routeContract({ body: teamCreate, idempotent: true }),
  'PATCH /api/teams/{id}': routeContract({ params: idParams, body: teamPatch, versioned: true }),
  'DELETE /api/teams/{id}': routeContract({ params: idParams }),
  'POST /api/reassignments': routeContract({ body: reassignmentCreate, idempotent: true }),
  'GET /api/reassignments/{id}': routeContract({ params: idParams }),
};
