import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import type { Address, CustomFieldDef } from '../api/types';
import { countryName } from './countries';

export const EMPTY = '—';

export function formatAddress(address: Partial<Address> | undefined | null, language: string): string {
  if (!address) return '';
  const country = address.country ? countryName(address.country, language) : undefined;
  return [address.street, address.city, address.region, address.postalCode, country]
    .filter((part) => part && String(part).trim())
    .join(', ');
}

/** A stored custom field value in words: dates localised, booleans as yes/no, lists joined. */
export function formatCustomValue(def: CustomFieldDef | undefined, value: unknown, t: TFunction): string {
  if (value === undefined || value === null || value === '') return EMPTY;
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (Array.isArray(value)) return value.length ? value.join(', ') : EMPTY;
  if (def?.type === 'date' && typeof value === 'string') {
    const date = dayjs(value);
    return date.isValid() ? date.format('LL') : value;
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** What the API sends for a sensitive value the reader may not see. */
export const MASK = '••••';
