import type { TFunction } from 'i18next';
import type { CustomFieldDef } from '../api/types';

/** Record fields with a translated label; keys match the API's field names. */
const FIELDS = [
  'name',
  'givenName',
  'familyName',
  'email',
  'emails',
  'phone',
  'company',
  'title',
  'address',
  'country',
  'region',
  'city',
  'street',
  'postalCode',
  'tags',
  'lifecycleStage',
  'tier',
  'owner',
  'source',
  'marketingConsent',
  'customFields',
  'domain',
  'industry',
  'size',
  'createdAt',
  'updatedAt',
  'deletedAt',
] as const;
type Field = (typeof FIELDS)[number];

/** API names that share a label with another field. */
const ALIASES: Record<string, Field> = { companyId: 'company', companyName: 'company', ownerId: 'owner' };

function isField(name: string): name is Field {
  return (FIELDS as readonly string[]).includes(name);
}

function simpleLabel(name: string, t: TFunction): string {
  const field = ALIASES[name] ?? name;
  return isField(field) ? t(`fields.${field}`) : name;
}

/** `address.country` → "Address · Country"; `customFields.industry` → the definition's label. */
export function fieldLabel(path: string, t: TFunction, defs: readonly CustomFieldDef[] = []): string {
  const [head = path, ...rest] = path.split('.');
  if (head === 'customFields' && rest.length) {
    const key = rest.join('.');
    return defs.find((def) => def.key === key)?.label ?? key;
  }
  if (!rest.length) return simpleLabel(head, t);
  return [simpleLabel(head, t), ...rest.map((part) => simpleLabel(part, t))].join(' · ');
}
