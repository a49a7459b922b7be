import type { TFunction } from 'i18next';
import type {
  BusinessCalendar,
  BusinessCalendarCreate,
} from '../../../../../shared/domain/service/business-calendar.schema';
import { WEEKDAYS, type Weekday } from '../../../../../shared/domain/service/business-time';

/** The editor's values: the API's calendar as the form holds it (holidays' `yearly` always set). */
export interface CalendarValues {
  name: string;
  timeZone: string;
  hours: { day: Weekday; from: string; to: string }[];
  holidays: { date: string; name: string; yearly: boolean }[];
  workdays: { date: string; from: string; to: string }[];
}

/** A new calendar starts as Monday to Friday, 09:00–18:00, in the browser's zone. */
export function initialValues(calendar: BusinessCalendar | undefined): CalendarValues {
  if (calendar) {
    return {
      name: calendar.name,
      timeZone: calendar.timeZone,
      hours: calendar.hours.map((w) => ({ ...w })),
      holidays: calendar.holidays.map((h) => ({ date: h.date, name: h.name, yearly: h.yearly === true })),
      workdays: (calendar.workdays ?? []).map((w) => ({ ...w })),
    };
  }
  return {
    name: '',
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    hours: WEEKDAYS.slice(0, 5).map((day) => ({ day, from: '09:00', to: '18:00' })),
    holidays: [],
    workdays: [],
  };
}

export function toRequest(values: CalendarValues): BusinessCalendarCreate {
  return {
    name: values.name.trim(),
    timeZone: values.timeZone,
    hours: (values.hours ?? []).map((w) => ({ day: w.day, from: w.from.trim(), to: w.to.trim() })),
    holidays: (values.holidays ?? []).map((h) => ({
      date: h.date.trim(),
      name: h.name.trim(),
      ...(h.yearly ? { yearly: true } : {}),
    })),
    workdays: (values.workdays ?? []).map((w) => ({ date: w.date.trim(), from: w.from.trim(), to: w.to.trim() })),
  };
}

/** "Mon–Fri 09:00–18:00" style: each day's windows, days with the same windows run together. */
export function hoursSummary(hours: BusinessCalendar['hours'], t: TFunction): string {
  const byDay = WEEKDAYS.map((day) =>
    hours
      .filter((w) => w.day === day)
      .sort((a, b) => a.from.localeCompare(b.from))
      .map((w) => `${w.from}–${w.to}`)
      .join(', '),
  );
  const parts: string[] = [];
  for (let i = 0; i < WEEKDAYS.length; i++) {
    if (!byDay[i]) continue;
    let j = i;
    while (j + 1 < WEEKDAYS.length && byDay[j + 1] === byDay[i]) j++;
    const days =
      i === j
        ? t(`calendars.days.${WEEKDAYS[i]!}`)
        : `${t(`calendars.days.${WEEKDAYS[i]!}`)}–${t(`calendars.days.${WEEKDAYS[j]!}`)}`;
    parts.push(`${days} ${byDay[i]}`);
    i = j;
  }
  return parts.join(' · ');
}

/** Every IANA zone the browser knows, for the zone picker. */
export function timeZoneOptions(): { value: string; label: string }[] {
  return Intl.supportedValuesOf('timeZone').map((zone) => ({ value: zone, label: zone }));
}
