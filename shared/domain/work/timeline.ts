import type { TimelineEntry } from '../customers/timeline.schema.js';
import type { Activity } from './activity.schema.js';

/**
 * An entry of a record's merged timeline (contacts, companies, deals): an audited change, or an
 * activity logged on the record. Change entries keep the shape the audit trail always had.
 */
export type ChangeEntry = TimelineEntry & { type: 'change' };
export interface ActivityEntry {
  type: 'activity';
  id: string;
  at: string;
  actor: { id: string; name: string };
  activity: Activity;
}
export type MergedTimelineEntry = ChangeEntry | ActivityEntry;
