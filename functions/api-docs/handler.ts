import { routesOf } from '../../infra/manifest.js';
import { apiDocsApi } from '../../shared/http/contracts/api-docs.contract.js';
import { defineRoute, ok } from '../../shared/http/route.js';
import { createHandler } from '../../shared/http/router.js';
import { apiDocument } from './openapi-document.js';

/**
 * Lambda entry of the API's own description. A function of its own: it carries every route's
 * schemas and the generator, which the platform function (health, /api/me on every console load)
 * should not load or bundle.
 */
export const handler = createHandler(
  routesOf('apiDocs'),
  {
    'GET /api/openapi.json': defineRoute({
      ...apiDocsApi['GET /api/openapi.json'],
      handle: async () => ok(apiDocument()),
    }),
  },
  apiDocsApi,
);
