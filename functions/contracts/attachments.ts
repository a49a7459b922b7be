import { randomUUID } from 'node:crypto';
import type { Principal } from '../../shared/auth/principal.js';
import { auditRecord, putAudit } from '../../shared/db/audit.js';
import { getAttachment, putAttachmentItem } from '../../shared/db/contracts.repository.js';
import { transactWrite } from '../../shared/db/transact.js';
import {
  ALLOWED_ATTACHMENT_TYPES,
  type Attachment,
  type AttachmentCreate,
  MAX_ATTACHMENT_BYTES,
} from '../../shared/domain/contracts/contract.schema.js';
import { AppError, notFound } from '../../shared/http/errors.js';
import type { PresignedRequest } from '../../shared/storage/attachment-storage.js';
import { attachmentStorage } from '../../shared/storage/select-storage.js';
import { contractOrThrow } from './contract-commands.js';

/**
 * Attachments of a contract: the route checks size and type, writes the metadata (pending, with
 * an audit record of the contract) and answers a presigned upload; the browser PUTs the file
 * straight to storage, whose signature binds the checked type and size. Downloads are presigned
 * GETs, only for contracts the principal may read.
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
    uploadedBy: { id: principal.userId, name: principal.name },
    createdAt: now.toISOString(),
  };
  const storageKey = `contracts/${contract.id}/${attachment.id}`;
  const audit = auditRecord({
    kind: 'contract',
    entityId: contract.id,
    entityName: `${contract.number} ${contract.title}`,
    action: 'updated',
    actor: principal,
    changes: [{ field: 'attachments', before: null, after: { id: attachment.id, fileName: attachment.fileName } }],
    at: attachment.createdAt,
  });
  await transactWrite(
    [putAttachmentItem(contract.id, { ...attachment, storageKey }), putAudit(audit)],
    () => new AppError('conflict', 'attachment.exists', 'Try again'),
  );
  const upload = await attachmentStorage().presignUpload(
    { key: storageKey, contentType: input.contentType, size: input.size },
    now,
  );
  return { attachment, upload };
}

export async function downloadAttachment(
  contractId: string,
  attachmentId: string,
  principal: Principal,
  now = new Date(),
): Promise<{ attachment: Attachment; download: PresignedRequest }> {
  await contractOrThrow(contractId, principal);
  const found = await getAttachment(contractId, attachmentId);
  if (!found) throw notFound('attachment');
  const { storageKey, ...attachment } = found;
  return { attachment, download: await attachmentStorage().presignDownload(storageKey, attachment.fileName, now) };
}
