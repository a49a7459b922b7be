import type { Company, CompanyCreate, CompanyPatch, CustomFieldDef } from '../../api/types';
import { emptyToUndefined } from '../../components/form-values';
import {
  addChanged,
  addSet,
  normalizeRecord,
  type RecordFormValues,
  recordCreateBody,
  recordPatchBody,
  recordToForm,
} from '../records/record-form-values';

type CompanySize = NonNullable<CompanyCreate['size']>;

/** What the company form holds: the shared fields and these. */
export interface CompanyFormValues extends RecordFormValues {
  domain?: string;
  industry?: string;
  size?: CompanySize;
}

export function companyToForm(company: Company | undefined, defs: readonly CustomFieldDef[]): CompanyFormValues {
  if (!company) return recordToForm(undefined, defs);
  return { ...recordToForm(company, defs), domain: company.domain, industry: company.industry, size: company.size };
}

/** Every field in API form; unset ones are undefined. */
export function normalizeCompany(values: CompanyFormValues, defs: readonly CustomFieldDef[]) {
  return {
    ...normalizeRecord(values, defs),
    domain: emptyToUndefined(values.domain)?.toLowerCase(),
    industry: emptyToUndefined(values.industry),
    size: values.size || undefined,
  };
}

export type NormalizedCompany = ReturnType<typeof normalizeCompany>;

/** The company's own optional fields: sent when set, cleared with null. */
const OPTIONAL_FIELDS = ['domain', 'industry', 'size'] as const;

/** POST /api/companies: only what was filled in. */
export function companyCreateBody(v: NormalizedCompany): CompanyCreate {
  const body: CompanyCreate = recordCreateBody(v);
  addSet(body, v, OPTIONAL_FIELDS);
  return body;
}

/** PATCH /api/companies/{id}: only the fields the user changed; a cleared optional field is sent as null. */
export function companyPatchBody(next: NormalizedCompany, before: NormalizedCompany): CompanyPatch {
  const patch: CompanyPatch = recordPatchBody(next, before);
  addChanged(patch, next, before, OPTIONAL_FIELDS);
  return patch;
}
