import type { FieldChange } from '../domain/customers/timeline.schema.js';

/** The `detail` of every domain event on the bus: the audit record that announced it. */
export interface DomainEventDetail {
  /** The audit record id: consumers use it to process each event once. */
  id: string;
  entity: string;
  entityId: string;
  entityName: string;
  action: string;
  actor: { id: string; name: string };
  changes: FieldChange[];
  at: string;
}

export interface DomainEvent {
  id: string;
  source: string;
  'detail-type': string;
  time: string;
  detail: DomainEventDetail;
}
