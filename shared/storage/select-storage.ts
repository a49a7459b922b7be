import { config } from '../config.js';
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
  const { ATTACHMENTS_BUCKET, AWS_REGION, LOCAL_STORAGE_SECRET, APP_URL } = config();
  if (ATTACHMENTS_BUCKET) storage = new S3Storage(ATTACHMENTS_BUCKET, AWS_REGION ?? 'us-east-1');
  else {
    if (!LOCAL_STORAGE_SECRET)
      throw new Error('Missing environment variable ATTACHMENTS_BUCKET (or LOCAL_STORAGE_SECRET)');
    storage = new LocalStorage(APP_URL, LOCAL_STORAGE_SECRET);
  }
  return storage;
}
