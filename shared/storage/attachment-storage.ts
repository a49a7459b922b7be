/**
 * The attachment storage port: the contracts function hands out short-lived URLs through which
 * the browser uploads and downloads files directly, so file bytes never pass through Lambda.
 * In AWS: presigned S3 URLs on a private bucket (s3-storage.ts). Locally: the same presign-style
 * URLs, signed with an HMAC and served by the local gateway from .data/ (local-storage.ts).
 */
export interface PresignedRequest {
  url: string;
  method: 'PUT' | 'GET';
  /** Headers the browser must send with the upload (they are part of the signature). */
  headers: Record<string, string>;
  expiresAt: string;
}

export interface UploadRequest {
  key: string;
  contentType: string;
  size: number;
}

/** What storage holds under a key (a HEAD request). */
export interface StoredObject {
  size: number;
  contentType?: string;
}

export interface AttachmentStorage {
  presignUpload(req: UploadRequest, now: Date): Promise<PresignedRequest>;
  presignDownload(key: string, fileName: string, now: Date): Promise<PresignedRequest>;
  /** The object's size and type, or undefined when nothing was uploaded under the key. */
  headObject(key: string, now: Date): Promise<StoredObject | undefined>;
}

/** A HEAD answer as an object: 200 → size and type; 404 (or 403, S3's answer without ListBucket) → nothing. */
export function storedObjectOf(res: Response): StoredObject | undefined {
  if (res.status === 404 || res.status === 403) return undefined;
  if (!res.ok) throw new Error(`Storage answered HEAD with ${res.status}`);
  const contentType = res.headers.get('content-type') ?? undefined;
  return { size: Number(res.headers.get('content-length') ?? Number.NaN), ...(contentType ? { contentType } : {}) };
}

/** Upload and download links work this long. */
export const PRESIGN_SECONDS = 300;

/** `attachment; filename*=UTF-8''...` so names in any script survive. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
