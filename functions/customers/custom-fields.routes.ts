import {
  createCustomField,
  deleteCustomField,
  listCustomFields,
  reencryptJobOrThrow,
  setBuiltInSensitivity,
  updateCustomField,
} from '../../shared/app/customers/custom-field-commands.js';
import { customFieldsApi } from '../../shared/http/contracts/custom-fields.contract.js';
import { created, defineRoute, noContent, ok, type RouteDef } from '../../shared/http/route.js';

/** Custom-field definitions and built-in field sensitivity (shared/app/customers/custom-field-commands.ts). */
export const customFieldRoutes: Record<string, RouteDef> = {
  'GET /api/custom-fields': defineRoute({
    ...customFieldsApi['GET /api/custom-fields'],
    handle: async ({ query }) => ok(await listCustomFields(query.entity)),
  }),
  'POST /api/custom-fields': defineRoute({
    ...customFieldsApi['POST /api/custom-fields'],
    handle: async ({ body, principal }) => created(await createCustomField(body, principal)),
  }),
  'PATCH /api/custom-fields/{entity}/{key}': defineRoute({
    ...customFieldsApi['PATCH /api/custom-fields/{entity}/{key}'],
    handle: async ({ params, body, version, principal }) =>
      ok(await updateCustomField(params.entity, params.key, body, version, principal)),
  }),
  'PATCH /api/custom-fields/{entity}/built-in/{field}': defineRoute({
    ...customFieldsApi['PATCH /api/custom-fields/{entity}/built-in/{field}'],
    handle: async ({ params, body, version, principal }) =>
      ok(await setBuiltInSensitivity(params.entity, params.field, body, version, principal)),
  }),
  'GET /api/custom-fields/jobs/{id}': defineRoute({
    ...customFieldsApi['GET /api/custom-fields/jobs/{id}'],
    handle: async ({ params }) => ok(await reencryptJobOrThrow(params.id)),
  }),
  'DELETE /api/custom-fields/{entity}/{key}': defineRoute({
    ...customFieldsApi['DELETE /api/custom-fields/{entity}/{key}'],
    handle: async ({ params, principal }) => {
      await deleteCustomField(params.entity, params.key, principal);
      return noContent();
    },
  }),
};
