import { recordsApi } from './records';
import type { Contact, ContactCreate, ContactListQuery, ContactPatch } from './types';

/** The filters of GET /api/contacts that the list page drives (cursor and limit are added per page). */
export type ContactFilters = Partial<Omit<ContactListQuery, 'cursor' | 'limit'>>;

export const contactsApi = recordsApi<Contact, ContactCreate, ContactPatch, ContactFilters>('contacts', 'contact');
