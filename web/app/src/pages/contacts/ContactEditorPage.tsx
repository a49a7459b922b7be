import { contactsApi } from '../../api/contacts';
import type { Contact, ContactCreate, ContactPatch } from '../../api/types';
import { type RecordEditorConfig, RecordEditorPage } from '../records/RecordEditorPage';
import { ContactForm } from './ContactForm';
import {
  type ContactFormValues,
  contactCreateBody,
  contactPatchBody,
  contactToForm,
  type NormalizedContact,
  normalizeContact,
} from './contact-form-values';

const config: RecordEditorConfig<Contact, ContactFormValues, NormalizedContact, ContactCreate, ContactPatch> = {
  api: contactsApi,
  // /app/contacts/new?companyId=… (from a company's page) starts with that company.
  toForm: (contact, defs, search) => contactToForm(contact, defs, contact ? undefined : search.get('companyId')),
  normalize: normalizeContact,
  createBody: contactCreateBody,
  patchBody: contactPatchBody,
  uniqueField: 'email',
  renderForm: (contact, defs) => (
    <ContactForm defs={defs} knownCompany={{ id: contact?.companyId, name: contact?.companyName }} />
  ),
};

/** /app/contacts/new and /app/contacts/:id/edit. */
export function ContactEditorPage() {
  return <RecordEditorPage config={config} />;
}
