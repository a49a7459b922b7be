import { type Key, type ListSource, nameKey, TYPE } from './keys.core.js';

/**
 * Keys of the service desk's settings: business calendars and SLA policies. Built here and
 * nowhere else; every partition value starts with its TYPE, so the overloaded GSIs are shared safely.
 *
 * Base table
 * | item               | pk                          | sk                |
 * |--------------------|-----------------------------|-------------------|
 * | business calendar  | BUSINESS_CALENDAR#<id>      | BUSINESS_CALENDAR |
 * | SLA policy         | SLA_POLICY#<id>             | SLA_POLICY        |
 * | audit record       | AUDIT#BUSINESS_CALENDAR#<id>| <at>#<auditId>    |
 *
 * | index | pk                | sk          | access pattern                         |
 * |-------|-------------------|-------------|----------------------------------------|
 * | gsi2  | BUSINESS_CALENDAR | <name>#<id> | the calendars by name (one Query page) |
 * | gsi2  | SLA_POLICY        | <position 0-padded>#<id> | the policies in evaluation order  |
 * A team keeps a handful of calendars and policies: each list is one page of a small partition;
 * ticket writes read the policies in order to find the first that matches.
 */

const CALENDAR = TYPE.businessCalendar;
const POLICY = TYPE.slaPolicy;

export const serviceKeys = {
  calendar: (id: string): Key => ({ pk: `${CALENDAR}#${id}`, sk: CALENDAR }),
  slaPolicy: (id: string): Key => ({ pk: `${POLICY}#${id}`, sk: POLICY }),
};

export function calendarIndexKeys(c: { id: string; name: string }): Record<string, string> {
  return { gsi2pk: CALENDAR, gsi2sk: `${nameKey(c.name)}#${c.id}` };
}

export const calendarListSource: ListSource = { index: 'gsi2', pk: CALENDAR };

export function slaPolicyIndexKeys(p: { id: string; position: number }): Record<string, string> {
  return { gsi2pk: POLICY, gsi2sk: `${String(p.position).padStart(6, '0')}#${p.id}` };
}

export const slaPolicyListSource: ListSource = { index: 'gsi2', pk: POLICY };
