import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { apiGatewayEvent } from './api-event.js';
import { eventBridgeCall, sqsCall } from './aws-endpoints.js';
import type { LocalBus } from './bus.js';
import type { JwtClaims } from './jwt-authorizer.js';
import type { LocalOidc, TokenAudience } from './oidc.js';
import { isLoopback } from './ports.js';
import type { LocalQueues } from './queues.js';
import { isApiPath, matchRoute } from './routes.js';
import { serveStatic } from './static-files.js';
import { storageRoute } from './storage.js';

/**
 * The local gateway: one HTTP server that plays CloudFront (the SPA and its fallback), API
 * Gateway (manifest routes, a JWT authorizer per audience, payload 2.0 events), the Cognito hosted
 * UIs (/oidc for staff, /oidc-portal for customers), and the AWS endpoints our functions call.
 * /local/* exists only here, never in AWS, and answers loopback callers only; /local/token (a
 * token for any seeded user without a password) only when the runtime was started for tests.
 */
export type Authorizer = (authorization: string | undefined) => Promise<JwtClaims | undefined>;

export interface GatewayDeps {
  webRoot: string;
  oidc: LocalOidc;
  /** The HTTP API's JWT authorizers: staff routes use the staff pool's, portal routes the portal pool's. */
  authorizers: Record<TokenAudience, Authorizer>;
  invoke: (functionId: string, event: unknown) => Promise<unknown>;
  bus: LocalBus;
  queues: LocalQueues;
  publicConfig: () => unknown;
  /** False until the runtime has finished starting (demo seed included): health says `starting`. */
  isReady: () => boolean;
  /** Whether POST /local/token exists (started for tests, or CIRRUS_TEST_TOKENS=1). */
  testTokens: boolean;
  /** /local/* operations for scripts and tests. */
  local: {
    fireSchedule(id: string, at: Date): Promise<unknown>;
    drain(): Promise<void>;
    status(): unknown;
  };
}

const MAX_BODY = 6 * 1024 * 1024; // Lambda's own request payload limit

export function createGateway(deps: GatewayDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    const path = url.pathname;
    try {
      if (deps.oidc.owns(path)) return deps.oidc.handle(req, res);
      if (path.startsWith('/local/storage/')) return await storageRoute(req, res, url);
      const target = req.headers['x-amz-target'];
      const local = path.startsWith('/local/') || (req.method === 'POST' && typeof target === 'string');
      // The AWS endpoints our functions call and the test operations: this machine only, whatever HOST exposes.
      if (local && !isLoopback(req.socket.remoteAddress)) return sendJson(res, 403, { message: 'Forbidden' });
      if (req.method === 'POST' && typeof target === 'string') return await awsCall(deps, req, res, target);
      if (path.startsWith('/local/')) return await localRoute(deps, req, res, path);
      if (path === '/config.json') return sendJson(res, 200, deps.publicConfig());
      if (path === '/api/health' && !deps.isReady()) return sendJson(res, 503, { status: 'starting' });
      if (isApiPath(path)) return await apiRoute(deps, req, res, url);
      if (path === '/' || path === '/app') {
        res.writeHead(302, { location: '/app/' }).end();
        return;
      }
      if (req.method === 'GET' && serveStatic(deps.webRoot, path, res)) return;
      sendJson(res, 404, { message: 'Not Found' });
    } catch (error) {
      console.error(`gateway error on ${req.method} ${path}:`, (error as Error).name);
      if (!res.headersSent) sendJson(res, 500, { message: 'Internal Server Error' });
    }
  };
}

/**
 * What the gateway answers when Node cannot parse a request at all (headers over Node's 16 KB,
 * a malformed request line): a JSON answer in the gateway's own `{ message }` form, as API
 * Gateway answers for its limits, instead of Node's bare status line. Wired as the server's
 * `clientError` listener.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const [status, message] =
    error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large'] : [400, 'Bad Request'];
  const body = JSON.stringify({ message });
  socket.end(
    `HTTP/1.1 ${status} ${message}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}

async function apiRoute(deps: GatewayDeps, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const route = matchRoute(req.method ?? 'GET', url.pathname);
  if (!route) return sendJson(res, 404, { message: 'Not Found' });
  let claims: JwtClaims | undefined;
  if (route.decl.audience !== 'public') {
    // Only the route's own audience's authorizer: a portal token never passes on a staff route, nor
    // a staff token on a portal route. API Gateway answers 401 before the function runs.
    claims = await deps.authorizers[route.decl.audience](req.headers.authorization);
    if (!claims) return sendJson(res, 401, { message: 'Unauthorized' });
  }
  const body = await readBody(req);
  if (body === undefined) return sendJson(res, 413, { message: 'Request Entity Too Large' });
  const event = apiGatewayEvent(req, url, route, body, claims);
  const result = (await deps.invoke(route.decl.function, event)) as APIGatewayProxyStructuredResultV2;
  res.writeHead(result.statusCode ?? 200, result.headers as Record<string, string>);
  // API Gateway decodes a body the function marked base64 (a PDF) before it answers.
  res.end(result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64') : (result.body ?? ''));
}

async function awsCall(deps: GatewayDeps, req: IncomingMessage, res: ServerResponse, target: string): Promise<void> {
  const body = JSON.parse((await readBody(req)) || '{}') as Record<string, unknown>;
  const call = { target, body };
  const out = target.startsWith('AWSEvents.') ? eventBridgeCall(deps.bus, call) : sqsCall(deps.queues, call);
  res.writeHead(out.status, { 'content-type': 'application/x-amz-json-1.0' });
  res.end(JSON.stringify(out.body));
}

async function localRoute(deps: GatewayDeps, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  const body = req.method === 'POST' ? JSON.parse((await readBody(req)) || '{}') : {};
  if (req.method === 'POST' && path === '/local/token' && deps.testTokens) {
    // A staff user's e-mail gets a staff token, a portal customer's a portal token. Only the lifetime
    // may be chosen over HTTP; issuer, audience and not-before overrides stay in-process (tests).
    const expiresInSeconds = Number.isFinite(body.expiresInSeconds) ? Number(body.expiresInSeconds) : undefined;
    const token =
      typeof body.email === 'string' ? await deps.oidc.mintToken(body.email, { expiresInSeconds }) : undefined;
    if (!token) {
      return sendJson(res, 400, {
        error: 'Unknown seeded user: send {"email": "admin@cirrus.local"} or {"email": "customer1@example.com"}',
      });
    }
    return sendJson(res, 200, { access_token: token, id_token: token, token_type: 'Bearer' });
  }
  const fire = /^\/local\/schedules\/([\w-]+)\/fire$/.exec(path);
  if (req.method === 'POST' && fire) {
    const at = body.at ? new Date(body.at) : new Date();
    if (Number.isNaN(at.getTime())) return sendJson(res, 400, { error: 'at must be an ISO date' });
    const result = await deps.local.fireSchedule(fire[1]!, at);
    return sendJson(res, 200, { result });
  }
  if (req.method === 'POST' && path === '/local/drain') {
    await deps.local.drain();
    return sendJson(res, 200, deps.local.status());
  }
  if (req.method === 'GET' && path === '/local/status') return sendJson(res, 200, deps.local.status());
  sendJson(res, 404, { message: 'Not Found' });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
