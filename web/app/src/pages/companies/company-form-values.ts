import type { Company, CompanyCreate, CompanyPatch, CustomFieldDef, Tier } from '../../api/types';
import {
  type CustomFieldFormValue,
  customFieldsBody,
  filledCustomFields,
  storedCustomFields,
} from '../../components/custom-field-values';
import { type AddressFormValues, addressBody, changed, emptyToUndefined } from '../../components/form-values';

type CompanySize = NonNullable<CompanyCreate['size']>;

export interface CompanyFormValues {
  name?: string;
  domain?: string;
  industry?: string;
  size?: CompanySize;
  address?: AddressFormValues;
  tags?: string[];
  tier?: Tier;
  ownerId?: string;
  customFields?: Record<string, CustomFieldFormValue>;
}

export function companyToForm(company: Company | undefined, defs: readonly CustomFieldDef[]): CompanyFormValues {
  if (!company) return { tags: [], customFields: storedCustomFields(defs, {}) };
  return {
    name: company.name,
    domain: company.domain,
    industry: company.industry,
    size: company.size,
    address: { ...company.address },
    tags: company.tags,
    tier: company.tier,
    ownerId: company.ownerId,
    customFields: storedCustomFields(defs, company.customFields),
  };
}

function normalize(values: CompanyFormValues, defs: readonly CustomFieldDef[]) {
  return {
    name: values.name?.trim() ?? '',
    domain: emptyToUndefined(values.domain)?.toLowerCase(),
    industry: emptyToUndefined(values.industry),
    size: values.size || undefined,
    address: addressBody(values.address),
    tags: (values.tags ?? []).map((tag) => tag.trim()).filter(Boolean),
    tier: values.tier || undefined,
    ownerId: values.ownerId || undefined,
    customFields: customFieldsBody(defs, values.customFields),
  };
}

export function companyCreateBody(values: CompanyFormValues, defs: readonly CustomFieldDef[]): CompanyCreate {
  const v = normalize(values, defs);
  const body: CompanyCreate = { name: v.name };
  if (v.domain) body.domain = v.domain;
  if (v.industry) body.industry = v.industry;
  if (v.size) body.size = v.size;
  if (v.address) body.address = v.address;
  if (v.tags.length) body.tags = v.tags;
  if (v.tier) body.tier = v.tier;
  if (v.ownerId) body.ownerId = v.ownerId;
  const custom = filledCustomFields(v.customFields);
  if (Object.keys(custom).length) body.customFields = custom;
  return body;
}

/** Only what changed; a cleared optional field is null. The version is added by the caller. */
export function companyPatchBody(
  values: CompanyFormValues,
  initial: CompanyFormValues,
  defs: readonly CustomFieldDef[],
): CompanyPatch {
  const next = normalize(values, defs);
  const before = normalize(initial, defs);
  const patch: CompanyPatch = {};
  if (changed(next.name, before.name)) patch.name = next.name;
  if (changed(next.domain, before.domain)) patch.domain = next.domain ?? null;
  if (changed(next.industry, before.industry)) patch.industry = next.industry ?? null;
  if (changed(next.size, before.size)) patch.size = next.size ?? null;
  if (changed(next.address, before.address)) patch.address = next.address ?? null;
  if (changed(next.tags, before.tags)) patch.tags = next.tags;
  if (changed(next.tier, before.tier)) patch.tier = next.tier ?? null;
  if (next.ownerId && changed(next.ownerId, before.ownerId)) patch.ownerId = next.ownerId;
  if (changed(next.customFields, before.customFields)) patch.customFields = next.customFields;
  return patch;
}
