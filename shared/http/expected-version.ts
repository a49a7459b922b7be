import { AppError } from '../domain/common/errors.js';

/**
 * The version the client last saw, for an optimistic-concurrency edit: body `version` or the
 * If-Match header (`"3"`, `W/"3"` or `3`). Neither is a 428: an edit must say what it edits.
 */
export function expectedVersion(bodyVersion: number | undefined, ifMatch: string | undefined): number {
  if (bodyVersion !== undefined) return bodyVersion;
  const parsed = ifMatch ? Number(ifMatch.replace(/^W\//, '').replace(/"/g, '')) : Number.NaN;
  if (Number.isInteger(parsed) && parsed > 0) return parsed;
  throw new AppError(
    'precondition_required',
    'request.version_required',
    'Send the version you are editing: body "version" or an If-Match header',
    { version: 'Required (or If-Match)' },
  );
}
