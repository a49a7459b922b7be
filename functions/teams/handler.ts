import { routesOf } from '../../infra/manifest.js';
import { reassignmentOrThrow, requestReassignment } from '../../shared/app/teams/reassignments.js';
import { createTeam, deleteTeam, teamsOf, updateTeam } from '../../shared/app/teams/team-commands.js';
import { id } from '../../shared/domain/common/fields.js';
import * as z from '../../shared/domain/common/zod.js';
import { reassignmentCreate } from '../../shared/domain/teams/reassignment.schema.js';
import { teamCreate, teamPatch } from '../../shared/domain/teams/team.schema.js';
import { expectedVersion } from '../../shared/http/expected-version.js';
import { created, defineRoute, noContent, ok } from '../../shared/http/route.js';
import { createHandler } from '../../shared/http/router.js';

const idParams = z.strictObject({ id });

/** Lambda entry of the teams context: teams and their members, and bulk reassignment of ownership. */
export const handler = createHandler(routesOf('teams'), {
  'GET /api/teams': defineRoute({ handle: async () => ok(await teamsOf()) }),
  'POST /api/teams': defineRoute({
    body: teamCreate,
    handle: async ({ body, principal }) => created(await createTeam(body, principal)),
  }),
  'PATCH /api/teams/{id}': defineRoute({
    params: idParams,
    body: teamPatch,
    handle: async ({ params, body, principal, headers }) => {
      const { version, ...patch } = body;
      return ok(await updateTeam(params.id, patch, expectedVersion(version, headers['if-match']), principal));
    },
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
    handle: async ({ body, principal }) => {
      const job = await requestReassignment(body, principal);
      return { status: 202, body: job, headers: { location: `/api/reassignments/${job.id}` } };
    },
  }),
  'GET /api/reassignments/{id}': defineRoute({
    params: idParams,
    handle: async ({ params, principal }) => ok(await reassignmentOrThrow(params.id, principal)),
  }),
});
