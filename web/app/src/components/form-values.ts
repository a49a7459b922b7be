import type { Address } from '../api/types';

export interface AddressFormValues {
  country?: string;
  region?: string;
  city?: string;
  street?: string;
  postalCode?: string;
}

export function emptyToUndefined(value: string | undefined | null): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** The filled-in parts of an address, or undefined when none is. */
export function addressBody(values: AddressFormValues | undefined): Address | undefined {
  if (!values) return undefined;
  const address: Address = {};
  const country = emptyToUndefined(values.country);
  if (country) address.country = country.toUpperCase();
  for (const key of ['region', 'city', 'street', 'postalCode'] as const) {
    const value = emptyToUndefined(values[key]);
    if (value) address[key] = value;
  }
  return Object.keys(address).length ? address : undefined;
}

/** Structural inequality of JSON values (key order ignored). */
export function changed(a: unknown, b: unknown): boolean {
  return stableJson(a) !== stableJson(b);
}

function stableJson(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${stableJson(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
