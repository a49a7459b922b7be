import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { MAX_ATTACHMENT_BYTES } from '../../shared/domain/contracts/contract.schema.js';
import { verifyLocal } from '../../shared/storage/local-storage.js';

/**
 * Plays the S3 attachments bucket locally: /local/storage/<key> takes a PUT, GET or HEAD only with a
 * valid, unexpired signature from shared/storage/local-storage.ts (the same limits S3 enforces
 * on a presigned URL: content type and exact size on upload), and keeps the bytes under
 * LOCAL_STORAGE_DIR (.data/storage with npm start, a temporary folder in tests).
 */
export async function storageRoute(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const secret = process.env.LOCAL_STORAGE_SECRET;
  const root = process.env.LOCAL_STORAGE_DIR;
  if (!secret || !root) return send(res, 503, 'Storage is not configured');
  const key = decodeURIComponent(url.pathname.slice('/local/storage/'.length));
  const file = resolve(root, key);
  if (!/^[\w-]+(\/[\w-]+)*$/.test(key) || !file.startsWith(resolve(root))) return send(res, 400, 'Bad key');
  const q = url.searchParams;
  const expires = Number(q.get('expires'));
  const now = Math.floor(Date.now() / 1000);
  if (req.method === 'PUT') {
    const contentType = q.get('type') ?? '';
    const size = Number(q.get('size'));
    if (!verifyLocal(secret, { method: 'PUT', key, expires, contentType, size }, q.get('sig') ?? '', now)) {
      return send(res, 403, 'SignatureDoesNotMatch or expired');
    }
    if (req.headers['content-type'] !== contentType) return send(res, 403, 'Content-Type differs from the signed one');
    const body = await readLimited(req, Math.min(size, MAX_ATTACHMENT_BYTES));
    if (!body || body.length !== size) return send(res, 400, 'Body size differs from the signed size');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, body);
    writeFileSync(`${file}.type`, contentType);
    res.writeHead(200, { etag: `"${size}"` }).end();
    return;
  }
  if (req.method === 'GET') {
    const disposition = q.get('disposition') ?? '';
    if (
      !verifyLocal(secret, { method: 'GET', key, expires, contentType: disposition, size: 0 }, q.get('sig') ?? '', now)
    ) {
      return send(res, 403, 'SignatureDoesNotMatch or expired');
    }
    try {
      statSync(file);
    } catch {
      return send(res, 404, 'NoSuchKey');
    }
    res.writeHead(200, {
      'content-type': readFileSync(`${file}.type`, 'utf8'),
      'content-disposition': disposition,
      'cache-control': 'private, no-store',
    });
    res.end(readFileSync(file));
    return;
  }
  if (req.method === 'HEAD') {
    // What the confirmation route asks (S3 HeadObject): the stored size and type, no body.
    if (!verifyLocal(secret, { method: 'HEAD', key, expires, contentType: '', size: 0 }, q.get('sig') ?? '', now)) {
      res.writeHead(403).end();
      return;
    }
    let size: number;
    try {
      size = statSync(file).size;
    } catch {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': readFileSync(`${file}.type`, 'utf8'), 'content-length': String(size) }).end();
    return;
  }
  send(res, 405, 'Method not allowed');
}

async function readLimited(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(message);
}

export const storageDir = (dataDir: string) => join(dataDir, 'storage');
