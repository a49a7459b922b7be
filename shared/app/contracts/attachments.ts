import { randomUUID } from 'node:crypto';
import type { Principal } from '../../auth/principal.js';
import { auditRecord, putAudit } from '../../db/audit.js';
import { confirmAttachmentItem, getAttachment, putAttachmentItem } from '../../db/contracts.repository.js';
import { transactWrite } from '../../db/kit.js';
import { AppError, notFound } from '../../domain/common/errors.js';
import {
  ALLOWED_ATTACHMENT_TYPES,
  type Attachment,
  type AttachmentCreate,
  MAX_ATTACHMENT_BYTES,
} from '../../domain/contracts/contract.schema.js';
import type { PresignedRequest } from '../../storage/attachment-storage.js';
import { attachmentStorage } from '../../storage/select-storage.js';
import { contractOrThrow } from './contract-commands.js';

/**
 * Attachments of a contract, in three steps:
 * 1. the upload request checks size and type, writes the metadata as `pending` (an upload ticket
 *    that expires by TTL) and answers a presigned upload;
 * 2. the browser PUTs the file straight to storage, whose signature binds the checked type and size;
 * 3. the confirmation asks storage (HEAD) whether the object is there with the declared size, and
 *    only then marks it `available`, in one transaction with the contract's audit record. The
 *    audit trail therefore names files that exist, not upload attempts.
 * Only available attachments are listed and downloadable (presigned GETs, only for contracts the
 * principal may read).
 */

export const tooLarge = () =>
  new AppError(
    'payload_too_large',
    'attachment.too_large',
    `Files are limited to ${MAX_ATTACHMENT_BYTES / 1048576} MB`,
    {
      size: `At most ${MAX_ATTACHMENT_BYTES} bytes`,
    },
  );

export const unsupportedType = () =>
  new AppError('bad_request', 'attachment.unsupported_type', 'This file type is not accepted', {
    contentType: `Must be one of ${Object.values(ALLOWED_ATTACHMENT_TYPES).join(', ')}`,
  });

export function checkUpload(input: AttachmentCreate): void {
  if (input.size > MAX_ATTACHMENT_BYTES) throw tooLarge();
  if (!(input.contentType in ALLOWED_ATTACHMENT_TYPES)) throw unsupportedType();
}

export async function createAttachment(
  contractId: string,
  input: AttachmentCreate,
  principal: Principal,
  now = new Date(),
): Promise<{ attachment: Attachment; upload: PresignedRequest }> {
  checkUpload(input);
  const contract = await contractOrThrow(contractId, principal);
  const attachment: Attachment = {
    id: randomUUID(),
    fileName: input.fileName,
    contentType: input.contentType,
    size: input.size,
    status: 'pending',
    uploadedBy: { id: principal.userId, name: principal.name },
    createdAt: now.toISOString(),
  };
  const storageKey = `contracts/${contract.id}/${attachment.id}`;
  await transactWrite(
    [putAttachmentItem(contract.id, { ...attachment, storageKey })],
    () => new AppError('conflict', 'attachment.exists', 'Try again'),
  );
  const upload = await attachmentStorage().presignUpload(
    { key: storageKey, contentType: input.contentType, size: input.size },
    now,
  );
  return { attachment, upload };
}

const notUploaded = () =>
  new AppError('conflict', 'attachment.not_uploaded', 'The file has not arrived in storage; upload it, then confirm');

const sizeMismatch = (declared: number, stored: number) =>
  new AppError(
    'conflict',
    'attachment.size_mismatch',
    `The stored file has ${stored} bytes, not the declared ${declared}; upload it again`,
  );

/**
 * Marks an uploaded attachment available once storage holds it with the declared size.
 * Idempotent: confirming an available attachment answers it again; two confirmations racing
 * write one audit record (the update is conditioned on `pending`).
 */
export async function confirmAttachment(
  contractId: string,
  attachmentId: string,
  principal: Principal,
  now = new Date(),
): Promise<Attachment> {
  const contract = await contractOrThrow(contractId, principal);
  const found = await getAttachment(contract.id, attachmentId);
  if (!found) throw notFound('attachment');
  const { storageKey, ...attachment } = found;
  if (attachment.status === 'available') return attachment;
  const stored = await attachmentStorage().headObject(storageKey, now);
  if (!stored) throw notUploaded();
  if (stored.size !== attachment.size) throw sizeMismatch(attachment.size, stored.size);
  const at = now.toISOString();
  const audit = auditRecord({
    kind: 'contract',
    entityId: contract.id,
    entityName: `${contract.number} ${contract.title}`,
    action: 'updated',
    actor: principal,
    changes: [{ field: 'attachments', before: null, after: { id: attachment.id, fileName: attachment.fileName } }],
    at,
  });
  let raced = false;
  await transactWrite([confirmAttachmentItem(contract.id, attachment.id, at), putAudit(audit)], () => {
    raced = true;
    return new AppError('conflict', 'attachment.changed', 'The attachment changed meanwhile');
  }).catch((error: unknown) => {
    if (!raced) throw error;
  });
  if (raced) {
    const again = await getAttachment(contract.id, attachment.id);
    if (again?.status !== 'available') throw notFound('attachment');
    const { storageKey: _k, ...current } = again;
    return current;
  }
  return { ...attachment, status: 'available', confirmedAt: at };
}

export async function downloadAttachment(
  contractId: string,
  attachmentId: string,
  principal: Principal,
  now = new Date(),
): Promise<{ attachment: Attachment; download: PresignedRequest }> {
  await contractOrThrow(contractId, principal);
  const found = await getAttachment(contractId, attachmentId);
  // A pending upload is not served: nothing confirmed that its bytes are the declared file.
  if (found?.status !== 'available') throw notFound('attachment');
  const { storageKey, ...attachment } = found;
  return { attachment, download: await attachmentStorage().presignDownload(storageKey, attachment.fileName, now) };
}
