import * as z from '../domain/common/zod.js';
import type { RouteContract } from './route.js';
import { type RouteDecl, routeKey } from './route-decl.js';

/**
 * The OpenAPI 3.1 document of the API, built from the manifest's routes (passed in: shared/ does
 * not import infra/) and the route contracts whose zod schemas validate every request. Nothing in
 * it is written by hand per route, so it cannot drift from what the API accepts.
 */

type JsonSchema = Record<string, unknown>;

export interface OpenApiSource {
  title: string;
  version: string;
  routes: readonly RouteDecl[];
  /** Each context's description (the manifest's functions), for the tags. */
  contexts: Readonly<Record<string, { description: string }>>;
  /** Every route's contract by route key (`GET /api/contacts/{id}`). */
  contracts: Readonly<Record<string, RouteContract>>;
}

const ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['error', 'requestId'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', description: 'Stable machine-readable code, e.g. `contact.email_taken`' },
        message: { type: 'string', description: 'Human-readable message' },
        fields: {
          type: 'object',
          description: 'Per-field messages of a validation error, keyed by field path',
          additionalProperties: { type: 'string' },
        },
      },
    },
    requestId: { type: 'string', description: 'The request id, to quote when reporting a problem' },
  },
};

/**
 * What API Gateway itself answers before any function runs (its JWT authorizer's 401, no route's
 * 404, its size limits): `{ message }`. An HTTP API has no gateway responses to reshape them.
 */
const GATEWAY_ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['message'],
  properties: { message: { type: 'string', examples: ['Unauthorized', 'Not Found'] } },
};

const errorResponse = (description: string, { fromGateway = false } = {}) => ({
  description,
  content: {
    'application/json': {
      schema: fromGateway
        ? { oneOf: [{ $ref: '#/components/schemas/Error' }, { $ref: '#/components/schemas/GatewayError' }] }
        : { $ref: '#/components/schemas/Error' },
    },
  },
});

/** Builds the document; pure, so tests can check it and the platform function memoises it. */
export function openApiDocument(source: OpenApiSource) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const decl of source.routes) {
    const key = routeKey(decl);
    const contract = source.contracts[key];
    if (!contract) throw new Error(`No contract for ${key}`);
    paths[decl.path] ??= {};
    paths[decl.path]![decl.method.toLowerCase()] = operation(decl, contract);
  }
  const usedTags = new Set(source.routes.map((r) => r.function));
  return {
    openapi: '3.1.0',
    info: {
      title: source.title,
      version: source.version,
      description:
        'Every route of the manifest (infra/manifest.ts) with its permission (`x-permission`) and the zod schemas that validate it. Errors answer `{ error: { code, message, fields? }, requestId }`.',
    },
    servers: [{ url: '/' }],
    tags: Object.entries(source.contexts)
      .filter(([name]) => usedTags.has(name))
      .map(([name, { description }]) => ({ name, description })),
    paths,
    components: {
      securitySchemes: {
        staffJwt: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'ID token of the staff user pool',
        },
        portalJwt: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'ID token of the portal user pool',
        },
      },
      schemas: { Error: ERROR_SCHEMA, GatewayError: GATEWAY_ERROR_SCHEMA },
      parameters: {
        IfMatch: {
          name: 'If-Match',
          in: 'header',
          required: false,
          description: 'The version being edited (or `version` in the body); a stale one is a 409',
          schema: { type: 'string' },
        },
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description: 'A retry with the same key and body replays the first answer and writes nothing',
          schema: { type: 'string', minLength: 1, maxLength: 255 },
        },
      },
    },
  };
}

function operation(decl: RouteDecl, contract: RouteContract) {
  const parameters: unknown[] = [
    ...parametersOf(contract.params, 'path'),
    ...parametersOf(contract.query, 'query'),
    ...(contract.versioned ? [{ $ref: '#/components/parameters/IfMatch' }] : []),
    ...(contract.idempotent ? [{ $ref: '#/components/parameters/IdempotencyKey' }] : []),
  ];
  const signedIn = decl.audience !== 'public';
  return {
    operationId: operationIdOf(decl),
    summary: `${decl.method} ${decl.path}`,
    // Also in words: renderers show the description, not every `x-` extension.
    description:
      decl.audience === 'public'
        ? 'Public: no token needed.'
        : `Requires the \`${decl.permission}\` permission (${decl.audience} token).`,
    tags: [decl.function],
    'x-permission': decl.permission,
    'x-audience': decl.audience,
    security: signedIn ? [{ [decl.audience === 'portal' ? 'portalJwt' : 'staffJwt']: [] }] : [],
    ...(parameters.length ? { parameters } : {}),
    ...(contract.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchemaOf(contract.body) } },
          },
        }
      : {}),
    responses: {
      '2XX': { description: 'Success' },
      '400': errorResponse('Invalid input: `fields` names each invalid field'),
      ...(signedIn
        ? {
            '401': errorResponse('No valid token (answered by API Gateway)', { fromGateway: true }),
            '403': errorResponse(`Not allowed: needs ${decl.permission}`),
          }
        : {}),
      '404': errorResponse('No such record in your scope, or no such route (API Gateway)', { fromGateway: true }),
      ...(contract.versioned
        ? {
            '409': errorResponse('Stale version: someone changed the record first'),
            '428': errorResponse('Neither If-Match nor a body `version` was sent'),
          }
        : {}),
      ...(contract.idempotent ? { '422': errorResponse('The Idempotency-Key was used with another body') } : {}),
      '500': errorResponse('Unexpected error (reveals nothing)'),
    },
  };
}

/** `GET /api/contacts/{id}/timeline` → `getContactsByIdTimeline`: unique because route keys are. */
export function operationIdOf(decl: Pick<RouteDecl, 'method' | 'path'>): string {
  const words = decl.path
    .split('/')
    .filter((part) => part && part !== 'api')
    .map((part) => (part.startsWith('{') ? `by-${part.slice(1, -1)}` : part))
    .join('-')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return [decl.method.toLowerCase(), ...words.map((w) => w[0]!.toUpperCase() + w.slice(1))].join('');
}

/** The JSON Schema of what a client sends (`io: 'input'`: before defaults and transforms). */
function jsonSchemaOf(schema: z.ZodMiniType): JsonSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, {
    io: 'input',
    target: 'draft-2020-12',
    // A refinement or transform has no JSON Schema; the document shows the shape around it.
    unrepresentable: 'any',
  }) as JsonSchema;
  return json;
}

function parametersOf(schema: z.ZodMiniType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const json = jsonSchemaOf(schema);
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      // Path parameters are always required (OpenAPI 3.1 §4.8.12.1).
      required: where === 'path' || required.has(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}
