/**
 * The notification registry: which domain event notifies whom, with what link and e-mail.
 * The notifier (functions/jobs/notifier.ts) handles every event listed here, and the manifest
 * rule `notify` subscribes to exactly NOTIFYING_EVENTS. To add a kind (e.g. in the tasks
 * context): add an entry below, its e-mail template to shared/email/notification-templates.ts
 * (key = `template`), and its title to the console texts (`notifications.kinds.<kind>`).
 *
 * Pure data and functions: no AWS imports.
 */

/** The part of a domain event's detail the registry reads (see shared/events/domain-event.ts). */
export interface NotifiableEvent {
  id: string;
  entity: string;
  entityId: string;
  entityName: string;
  actor: { id: string; name: string };
  changes: readonly { field: string; before?: unknown; after: unknown }[];
  at: string;
}

export type EmailTemplateKey = 'reminder' | 'assignment';

export interface NotificationKind {
  /** Stable id, also the e-mail preference key and the console text key. */
  kind: string;
  /** The domain event (detail-type) that triggers it. */
  event: string;
  /** Who is notified. The acting user is never notified of their own change. */
  recipients(e: NotifiableEvent): string[];
  /** Console path the notification opens. */
  link(e: NotifiableEvent): string;
  template: EmailTemplateKey;
}

/** The recipient a fired reminder carries (shared/db/reminders.ts FiredReminder). */
function reminderRecipient(e: NotifiableEvent): string[] {
  const after = e.changes.find((c) => c.field === 'reminder')?.after as { recipientId?: unknown } | undefined;
  return typeof after?.recipientId === 'string' ? [after.recipientId] : [];
}

/** The new owner (or assignee) of a record, unless they assigned it to themselves. */
function newOwner(field: string) {
  return (e: NotifiableEvent): string[] => {
    const after = e.changes.find((c) => c.field === field)?.after;
    return typeof after === 'string' && after !== e.actor.id ? [after] : [];
  };
}

const path = (base: string) => (e: NotifiableEvent) => `/app/${base}/${e.entityId}`;

export const NOTIFICATION_KINDS: readonly NotificationKind[] = [
  {
    kind: 'contract.expiring',
    event: 'contract.expiring',
    recipients: reminderRecipient,
    link: path('contracts'),
    template: 'reminder',
  },
  {
    kind: 'contract.expired',
    event: 'contract.expired',
    recipients: reminderRecipient,
    link: path('contracts'),
    template: 'reminder',
  },
  { kind: 'task.due', event: 'task.due', recipients: reminderRecipient, link: path('tasks'), template: 'reminder' },
  {
    kind: 'task.assigned',
    event: 'task.assigned',
    // A task's assignee is its `assigneeId` (shared/app/work/task-commands.ts announces task.assigned).
    recipients: newOwner('assigneeId'),
    link: path('tasks'),
    template: 'assignment',
  },
  {
    kind: 'deal.assigned',
    event: 'deal.assigned',
    recipients: newOwner('ownerId'),
    link: path('deals'),
    template: 'assignment',
  },
  {
    kind: 'contact.assigned',
    event: 'contact.assigned',
    recipients: newOwner('ownerId'),
    link: path('contacts'),
    template: 'assignment',
  },
  {
    kind: 'company.assigned',
    event: 'company.assigned',
    recipients: newOwner('ownerId'),
    link: path('companies'),
    template: 'assignment',
  },
];

export const NOTIFYING_EVENTS: readonly string[] = [...new Set(NOTIFICATION_KINDS.map((k) => k.event))];

export const KIND_IDS: readonly string[] = NOTIFICATION_KINDS.map((k) => k.kind);

export function kindsFor(event: string): NotificationKind[] {
  return NOTIFICATION_KINDS.filter((k) => k.event === event);
}

/** A user's e-mail switches: a kind missing from the map is on (e-mail is opt-out). */
export interface NotificationPreferences {
  email: Record<string, boolean>;
  /** Language of the e-mails (default English). */
  language?: 'en' | 'zh-CN';
}

export function wantsEmail(prefs: NotificationPreferences | undefined, kind: string): boolean {
  return prefs?.email[kind] !== false;
}
