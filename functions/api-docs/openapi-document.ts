import { manifest } from '../../infra/manifest.js';
import { config } from '../../shared/config.js';
import { apiContracts } from '../../shared/http/contracts/index.js';
import { openApiDocument } from '../../shared/http/openapi.js';

/** Built on the first request and kept for the life of the process: the manifest cannot change under it. */
let document: ReturnType<typeof openApiDocument> | undefined;

/** The API's OpenAPI document, from the manifest's routes and every route's contract. */
export function apiDocument(): ReturnType<typeof openApiDocument> {
  document ??= openApiDocument({
    title: 'Cirrus CRM API',
    version: config().APP_VERSION,
    routes: manifest.routes,
    contexts: manifest.functions,
    contracts: apiContracts,
  });
  return document;
}
