import type { RecordResource } from '../../api/records';
import type { Address, CustomFieldEntity, Tier } from '../../api/types';
import type { en } from '../../i18n/en';

/** What contacts and companies both have, which the shared pages and building blocks use. */
export interface RecordBase {
  id: string;
  name: string;
  ownerId: string;
  tags: string[];
  tier?: Tier;
  address?: Address;
  customFields: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
  deletedAt?: string;
  version: number;
}

/** A field with a label under fields.* (columns and the column chooser are labelled by these). */
export type FieldKey = keyof (typeof en)['fields'];

/** The console path of a kind's list, or of one record. */
export function recordPath(resource: RecordResource, id?: string): string {
  return id === undefined ? `/${resource}` : `/${resource}/${encodeURIComponent(id)}`;
}

/** The data-testid attributes of a kind's pages, by which the end-to-end tests find them. */
export function recordTestIds(entity: CustomFieldEntity) {
  return {
    /** The list's search box. */
    search: `${entity}-search`,
    filters: `${entity}-filters`,
    /** The "New contact" button. */
    create: `new-${entity}`,
    table: `${entity}-table`,
    cards: `${entity}-cards`,
    /** A table row or a card. */
    row: `${entity}-row`,
    /** The record's name, linking to its page. */
    link: `${entity}-link`,
    /** The name on the record's page. */
    name: `${entity}-name`,
    details: `${entity}-details`,
  };
}
