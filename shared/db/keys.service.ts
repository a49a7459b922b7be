import { type Key, type ListSource, nameKey, TYPE } from './keys.core.js';

/**
 * Keys of the service desk's settings: business calendars. Built here and nowhere else; every
 * partition value starts with BUSINESS_CALENDAR, so the overloaded GSIs are shared safely.
 *
 * Base table
 * | item               | pk                          | sk                |
 * |--------------------|-----------------------------|-------------------|
 * | business calendar  | BUSINESS_CALENDAR#<id>      | BUSINESS_CALENDAR |
 * | audit record       | AUDIT#BUSINESS_CALENDAR#<id>| <at>#<auditId>    |
 *
 * | index | pk                | sk          | access pattern                         |
 * |-------|-------------------|-------------|----------------------------------------|
 * | gsi2  | BUSINESS_CALENDAR | <name>#<id> | the calendars by name (one Query page) |
 * A team keeps a handful of calendars: the list is one page of a small partition.
 */

const CALENDAR = TYPE.businessCalendar;

export const serviceKeys = {
  calendar: (id: string): Key => ({ pk: `${CALENDAR}#${id}`, sk: CALENDAR }),
};

export function calendarIndexKeys(c: { id: string; name: string }): Record<string, string> {
  return { gsi2pk: CALENDAR, gsi2sk: `${nameKey(c.name)}#${c.id}` };
}

export const calendarListSource: ListSource = { index: 'gsi2', pk: CALENDAR };
