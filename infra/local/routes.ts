import { manifest } from '../manifest.js';
import { type RouteDecl, routeKey } from '../manifest.types.js';

/** Matches request paths against the manifest's routes, as API Gateway's router does. */
export interface MatchedRoute {
  decl: RouteDecl;
  routeKey: string;
  pathParameters: Record<string, string>;
}

interface CompiledRoute {
  decl: RouteDecl;
  pattern: RegExp;
  names: string[];
}

const compiled: CompiledRoute[] = manifest.routes.map((decl) => {
  const names: string[] = [];
  const source = decl.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { decl, pattern: new RegExp(`^${source}$`), names };
});

/** The manifest route for a method and path; literal segments win over parameters. */
export function matchRoute(method: string, path: string): MatchedRoute | undefined {
  const candidates = compiled.filter((c) => c.decl.method === method && c.pattern.test(path));
  candidates.sort((a, b) => a.names.length - b.names.length);
  const best = candidates[0];
  if (!best) return undefined;
  const values = best.pattern.exec(path)!.slice(1);
  const pathParameters = Object.fromEntries(best.names.map((n, i) => [n, decodeSegment(values[i]!)]));
  return { decl: best.decl, routeKey: routeKey(best.decl), pathParameters };
}

/** Every route key the gateway serves (tests compare it with the manifest). */
export function servedRouteKeys(): string[] {
  return compiled.map((c) => routeKey(c.decl));
}

export function isApiPath(path: string): boolean {
  return path.startsWith('/api/') || path === '/api' || path.startsWith('/portal-api/') || path.startsWith('/public/');
}

/** A malformed escape stays as sent, so the route's validation answers 400 rather than the gateway 500. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
