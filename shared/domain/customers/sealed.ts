/** How an encrypted value sits in `customFields`: base64 of an AWS Encryption SDK message. */
export interface SealedValue {
  $sealed: string;
}

export function isSealed(value: unknown): value is SealedValue {
  return typeof value === 'object' && value !== null && typeof (value as SealedValue).$sealed === 'string';
}
