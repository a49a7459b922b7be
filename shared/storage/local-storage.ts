import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  type AttachmentStorage,
  contentDisposition,
  PRESIGN_SECONDS,
  type PresignedRequest,
  type StoredObject,
  storedObjectOf,
  type UploadRequest,
} from './attachment-storage.js';

/**
 * Local adapter of the storage port: URLs of the local gateway (/local/storage/<key>) carrying
 * an expiry and an HMAC over method, key, expiry, content type and size — what a presigned S3
 * URL binds. infra/local/storage.ts checks them and keeps the bytes under .data/storage.
 */
export class LocalStorage implements AttachmentStorage {
  constructor(
    private readonly baseUrl: string,
    private readonly secret: string,
  ) {}

  async presignUpload(req: UploadRequest, now: Date): Promise<PresignedRequest> {
    const expires = Math.floor(now.getTime() / 1000) + PRESIGN_SECONDS;
    const sig = signLocal(this.secret, {
      method: 'PUT',
      key: req.key,
      expires,
      contentType: req.contentType,
      size: req.size,
    });
    const query = new URLSearchParams({ expires: String(expires), type: req.contentType, size: String(req.size), sig });
    return {
      url: `${this.baseUrl}/local/storage/${encodeKey(req.key)}?${query}`,
      method: 'PUT',
      headers: { 'content-type': req.contentType },
      expiresAt: new Date(expires * 1000).toISOString(),
    };
  }

  async presignDownload(key: string, fileName: string, now: Date): Promise<PresignedRequest> {
    const expires = Math.floor(now.getTime() / 1000) + PRESIGN_SECONDS;
    const disposition = contentDisposition(fileName);
    const sig = signLocal(this.secret, { method: 'GET', key, expires, contentType: disposition, size: 0 });
    const query = new URLSearchParams({ expires: String(expires), disposition, sig });
    return {
      url: `${this.baseUrl}/local/storage/${encodeKey(key)}?${query}`,
      method: 'GET',
      headers: {},
      expiresAt: new Date(expires * 1000).toISOString(),
    };
  }

  /** A signed HEAD through the local gateway, as the S3 adapter asks S3. */
  async headObject(key: string, now: Date): Promise<StoredObject | undefined> {
    const expires = Math.floor(now.getTime() / 1000) + PRESIGN_SECONDS;
    const sig = signLocal(this.secret, { method: 'HEAD', key, expires, contentType: '', size: 0 });
    const query = new URLSearchParams({ expires: String(expires), sig });
    const res = await fetch(`${this.baseUrl}/local/storage/${encodeKey(key)}?${query}`, { method: 'HEAD' });
    return storedObjectOf(res);
  }
}

export interface LocalSignature {
  method: 'PUT' | 'GET' | 'HEAD';
  key: string;
  expires: number;
  /** Upload: the content type; download: the content disposition; HEAD: empty. */
  contentType: string;
  size: number;
}

export function signLocal(secret: string, s: LocalSignature): string {
  return createHmac('sha256', secret)
    .update([s.method, s.key, s.expires, s.contentType, s.size].join('\n'))
    .digest('base64url');
}

export function verifyLocal(secret: string, s: LocalSignature, sig: string, nowSeconds: number): boolean {
  if (!Number.isFinite(s.expires) || s.expires < nowSeconds) return false;
  const expected = Buffer.from(signLocal(secret, s));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

const encodeKey = (key: string) => key.split('/').map(encodeURIComponent).join('/');
