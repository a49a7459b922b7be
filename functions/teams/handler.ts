import { routesOf } from '../../infra/manifest.js';
import { reassignmentOrThrow, requestReassignment } from '../../shared/app/teams/reassignments.js';
import { createTeam, deleteTeam, teamsOf, updateTeam } from '../../shared/app/teams/team-commands.js';
import { teamsApi } from '../../shared/http/contracts/teams.contract.js';
import { defineRoute, noContent, ok } from '../../shared/http/route.js';
import { createHandler } from '../../shared/http/router.js';

/** Lambda entry of the teams context: teams and their members, and bulk reassignment of ownership. */
export const handler = createHandler(
  routesOf('teams'),
  {
    'GET /api/teams': defineRoute({ handle: async () => ok(await teamsOf()) }),
    'POST /api/teams': defineRoute({
      ...teamsApi['POST /api/teams'],
      handle: async ({ body, principal, idempotency }) => createTeam(body, principal, idempotency),
    }),
    'PATCH /api/teams/{id}': defineRoute({
      ...teamsApi['PATCH /api/teams/{id}'],
      handle: async ({ params, body, version, principal }) => ok(await updateTeam(params.id, body, version, principal)),
    }),
    'DELETE /api/teams/{id}': defineRoute({
      ...teamsApi['DELETE /api/teams/{id}'],
      handle: async ({ params, principal }) => {
        await deleteTeam(params.id, principal);
        return noContent();
      },
    }),
    'POST /api/reassignments': defineRoute({
      ...teamsApi['POST /api/reassignments'],
      handle: async ({ body, principal, idempotency }) => {
        const answer = await requestReassignment(body, principal, idempotency);
        return { ...answer, headers: { location: `/api/reassignments/${answer.body.id}` } };
      },
    }),
    'GET /api/reassignments/{id}': defineRoute({
      ...teamsApi['GET /api/reassignments/{id}'],
      handle: async ({ params, principal }) => ok(await reassignmentOrThrow(params.id, principal)),
    }),
  },
  teamsApi,
);
