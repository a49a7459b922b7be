import type { AttachmentStorage } from './attachment-storage.js';
import { LocalStorage } from './local-storage.js';
import { S3Storage } from './s3-storage.js';

let storage: AttachmentStorage | undefined;

/**
 * The storage of this deployment, chosen once at cold start: the bucket when ATTACHMENTS_BUCKET
 * is set (AWS), else the local folder the runtime sets (LOCAL_STORAGE_DIR).
 */
export function attachmentStorage(): AttachmentStorage {
  if (storage) return storage;
  const bucket = process.env.ATTACHMENTS_BUCKET;
  if (bucket) storage = new S3Storage(bucket, process.env.AWS_REGION ?? 'us-east-1');
  else {
    const secret = process.env.LOCAL_STORAGE_SECRET;
    const baseUrl = process.env.APP_URL;
    if (!secret || !baseUrl)
      throw new Error('Missing environment variable ATTACHMENTS_BUCKET (or LOCAL_STORAGE_SECRET)');
    storage = new LocalStorage(baseUrl, secret);
  }
  return storage;
}
