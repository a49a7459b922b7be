import {
  createCustomField,
  deleteCustomField,
  listCustomFields,
  reencryptJobOrThrow,
  setBuiltInSensitivity,
  updateCustomField,
} from '../../shared/app/customers/custom-field-commands.js';
import * as z from '../../shared/domain/common/zod.js';
import { builtInFieldParams, builtInSensitivityPatch } from '../../shared/domain/customers/builtin-sensitivity.js';
import {
  customFieldCreate,
  customFieldEntity,
  customFieldKey,
  customFieldPatch,
} from '../../shared/domain/customers/custom-field.schema.js';
import { created, defineRoute, noContent, ok, type RouteDef } from '../../shared/http/route.js';

const fieldParams = z.strictObject({ entity: customFieldEntity, key: customFieldKey });

/** Custom-field definitions and built-in field sensitivity (shared/app/customers/custom-field-commands.ts). */
export const customFieldRoutes: Record<string, RouteDef> = {
  'GET /api/custom-fields': defineRoute({
    query: z.strictObject({ entity: z.optional(customFieldEntity) }),
    handle: async ({ query }) => ok(await listCustomFields(query.entity)),
  }),
  'POST /api/custom-fields': defineRoute({
    body: customFieldCreate,
    handle: async ({ body, principal }) => created(await createCustomField(body, principal)),
  }),
  'PATCH /api/custom-fields/{entity}/{key}': defineRoute({
    params: fieldParams,
    body: customFieldPatch,
    versioned: true,
    handle: async ({ params, body, version, principal }) =>
      ok(await updateCustomField(params.entity, params.key, body, version, principal)),
  }),
  'PATCH /api/custom-fields/{entity}/built-in/{field}': defineRoute({
    params: builtInFieldParams,
    body: builtInSensitivityPatch,
    versioned: true,
    handle: async ({ params, body, version, principal }) =>
      ok(await setBuiltInSensitivity(params.entity, params.field, body, version, principal)),
  }),
  'GET /api/custom-fields/jobs/{id}': defineRoute({
    params: z.strictObject({ id: z.string().check(z.uuid()) }),
    handle: async ({ params }) => ok(await reencryptJobOrThrow(params.id)),
  }),
  'DELETE /api/custom-fields/{entity}/{key}': defineRoute({
    params: fieldParams,
    handle: async ({ params, principal }) => {
      await deleteCustomField(params.entity, params.key, principal);
      return noContent();
    },
  }),
};
