import { routesOf } from '../../infra/manifest.js';
import { reassignmentOrThrow, requestReassignment } from '../../shared/app/teams/reassignments.js';
import { createTeam, deleteTeam, teamsOf, updateTeam } from '../../shared/app/teams/team-commands.js';
import { id } from '../../shared/domain/common/fields.js';
import * as z from '../../shared/domain/common/zod.js';
import { reassignmentCreate } from '../../shared/domain/teams/reassignment.schema.js';
import { teamCreate, teamPatch } from '../../shared/domain/teams/team.schema.js';
import { defineRoute, noContent, ok } from '../../shared/http/route.js';
import { createHandler } from '../../shared/http/router.js';

const idParams = z.strictObject({ id });

/** Lambda entry of the teams context: teams and their members, and bulk reassignment of ownership. */
export const handler = createHandler(routesOf('teams'), {
  'GET /api/teams': defineRoute({ handle: async () => ok(await teamsOf()) }),
  'POST /api/teams': defineRoute({
    body: teamCreate,
    idempotent: true,
    handle: async ({ body, principal, idempotency }) => createTeam(body, principal, idempotency),
  }),
  'PATCH /api/teams/{id}': defineRoute({
    params: idParams,
    body: teamPatch,
    versioned: true,
    handle: async ({ params, body, version, principal }) => ok(await updateTeam(params.id, body, version, principal)),
  }),
  'DELETE /api/teams/{id}': defineRoute({
    params: idParams,
    handle: async ({ params, principal }) => {
      await deleteTeam(params.id, principal);
      return noContent();
    },
  }),
  'POST /api/reassignments': defineRoute({
    body: reassignmentCreate,
    idempotent: true,
    handle: async ({ body, principal, idempotency }) => {
      const answer = await requestReassignment(body, principal, idempotency);
      return { ...answer, headers: { location: `/api/reassignments/${answer.body.id}` } };
    },
  }),
  'GET /api/reassignments/{id}': defineRoute({
    params: idParams,
    handle: async ({ params, principal }) => ok(await reassignmentOrThrow(params.id, principal)),
  }),
});
