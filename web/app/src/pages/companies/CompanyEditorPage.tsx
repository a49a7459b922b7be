import { companiesApi } from '../../api/companies';
import type { Company, CompanyCreate, CompanyPatch } from '../../api/types';
import { type RecordEditorConfig, RecordEditorPage } from '../records/RecordEditorPage';
import { CompanyForm } from './CompanyForm';
import {
  type CompanyFormValues,
  companyCreateBody,
  companyPatchBody,
  companyToForm,
  type NormalizedCompany,
  normalizeCompany,
} from './company-form-values';

const config: RecordEditorConfig<Company, CompanyFormValues, NormalizedCompany, CompanyCreate, CompanyPatch> = {
  api: companiesApi,
  toForm: (company, defs) => companyToForm(company, defs),
  normalize: normalizeCompany,
  createBody: companyCreateBody,
  patchBody: companyPatchBody,
  uniqueField: 'domain',
  renderForm: (_company, defs) => <CompanyForm defs={defs} />,
};

/** /app/companies/new and /app/companies/:id/edit. */
export function CompanyEditorPage() {
  return <RecordEditorPage config={config} />;
}
