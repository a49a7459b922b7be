import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves the built SPA like the web stack's CloudFront + S3: hashed assets cached for good,
 * `/app/...` and `/portal/...` paths without a file fall back to their entry's index.html.
 */
export function serveStatic(root: string, path: string, res: ServerResponse): boolean {
  const base = resolve(root);
  let file = normalize(join(base, decodeURIComponent(path)));
  if (!file.startsWith(base)) return false;
  if (!existsSync(file) || statSync(file).isDirectory()) {
    if (extname(path)) return false;
    const entry = path.startsWith('/portal') ? 'portal' : 'app';
    file = join(base, entry, 'index.html');
    if (!existsSync(file)) return false;
  }
  const immutable = path.startsWith('/assets/');
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
  });
  createReadStream(file).pipe(res);
  return true;
}
