import type { QueryValue } from './client';
import {
  useCreateRecord,
  useDeleteRecord,
  useRecord,
  useRecordList,
  useRecordTimeline,
  useRestoreRecord,
  useUpdateRecord,
} from './records';
import type { Contact, ContactCreate, ContactListQuery, ContactPatch } from './types';

/** The filters of GET /api/contacts that the list page drives (cursor and limit are added per page). */
export type ContactFilters = Partial<Omit<ContactListQuery, 'cursor' | 'limit'>>;

export const useContacts = (filters: ContactFilters, enabled = true) =>
  useRecordList<Contact>('contacts', filters as Record<string, QueryValue>, enabled);
export const useContact = (id: string | undefined) => useRecord<Contact>('contacts', id);
export const useContactTimeline = (id: string) => useRecordTimeline('contacts', id);
export const useCreateContact = () => useCreateRecord<Contact, ContactCreate>('contacts');
export const useUpdateContact = (id: string) => useUpdateRecord<Contact, ContactPatch>('contacts', id);
export const useDeleteContact = () => useDeleteRecord('contacts');
export const useRestoreContact = () => useRestoreRecord('contacts');
