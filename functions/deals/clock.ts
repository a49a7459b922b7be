import { AppError } from '../../shared/http/errors.js';

/** Time comes from here, so tests can pin it. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** The version the client last saw: body `version` or the If-Match header (`"3"`, `W/"3"` or `3`). */
export function expectedVersion(bodyVersion: number | undefined, ifMatch: string | undefined): number {
  if (bodyVersion !== undefined) return bodyVersion;
  const parsed = ifMatch ? Number(ifMatch.replace(/^W\//, '').replace(/"/g, '')) : Number.NaN;
  if (Number.isInteger(parsed) && parsed > 0) return parsed;
  throw new AppError(
    'precondition_required',
    'version_required',
    'Send the version you are editing: body "version" or an If-Match header',
    { version: 'Required (or If-Match)' },
  );
}
