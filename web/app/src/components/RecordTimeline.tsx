import type { InfiniteData, QueryKey, UseInfiniteQueryResult } from '@tanstack/react-query';
import { Button, Flex, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { type RecordResource, recordKeys, useRecordTimeline } from '../api/records';
import { useStaffNames } from '../api/staff';
import type { AuditAction, CustomFieldDef, FieldChange, TimelineEntry } from '../api/types';
import type { MergedTimelineEntry } from '../api/work';
import { useAuth } from '../auth/auth-context';
import { currentLanguage } from '../i18n';
import { ACTIVITY_COLORS, ACTIVITY_ICONS, ActivityEntry } from './activity/ActivityEntry';
import { LogActivityForm } from './activity/LogActivityForm';
import { fieldLabel } from './field-labels';
import { EMPTY, formatAddress, formatCustomValue } from './format';
import { QueryState } from './QueryState';
import { TimeStamp } from './TimeStamp';

const COLORS: Record<AuditAction, string> = {
  created: 'green',
  updated: 'blue',
  deleted: 'red',
  restored: 'green',
  purged: 'gray',
};

const MAX_TEXT = 140;

/**
 * What a kind of record says about its own fields on the timeline (a deal's amount in its
 * currency, its stage by name); anything it leaves undefined gets the customer-record wording.
 * `changes` is the whole entry, so a value can depend on a sibling (an amount on its currency).
 */
export interface TimelineFields {
  label?: (field: string) => string | undefined;
  value?: (field: string, value: unknown, side: 'before' | 'after', changes: FieldChange[]) => string | undefined;
  hidden?: (field: string, changes: FieldChange[]) => boolean;
}

interface Context {
  t: TFunction;
  defs: readonly CustomFieldDef[];
  staffNames: Map<string, string>;
  language: string;
  fields?: TimelineFields;
}

function formatChangeValue(
  field: string,
  value: unknown,
  ctx: Context,
  side: 'before' | 'after' = 'after',
  changes: FieldChange[] = [],
): string {
  const { t } = ctx;
  if (value === undefined || value === null || value === '') return EMPTY;
  const own = ctx.fields?.value?.(field, value, side, changes);
  if (own !== undefined) return own;
  if (field.startsWith('customFields.')) {
    const key = field.slice('customFields.'.length);
    return formatCustomValue(
      ctx.defs.find((def) => def.key === key),
      value,
      t,
    );
  }
  if (field === 'ownerId' && typeof value === 'string') return ctx.staffNames.get(value) ?? value;
  if (field === 'lifecycleStage' && typeof value === 'string') return t(`lifecycle.${value}` as 'lifecycle.lead');
  if (field === 'tier' && typeof value === 'string') return t(`tiers.${value}` as 'tiers.gold');
  if (field === 'address.country' && typeof value === 'string') return formatAddress({ country: value }, ctx.language);
  if (field === 'address' && typeof value === 'object') return formatAddress(value, ctx.language) || EMPTY;
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (Array.isArray(value)) return value.length ? value.join(', ') : EMPTY;
  if (typeof value === 'object') {
    return Object.entries(value)
      .map(
        ([key, inner]) =>
          `${fieldLabel(`${field}.${key}`, t, ctx.defs)}: ${formatChangeValue(`${field}.${key}`, inner, ctx)}`,
      )
      .join('; ');
  }
  const text = String(value);
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}

interface ChangeLineProps {
  change: FieldChange;
  changes: FieldChange[];
  created: boolean;
  ctx: Context;
}

function ChangeLine({ change, changes, created, ctx }: ChangeLineProps) {
  const label = ctx.fields?.label?.(change.field) ?? fieldLabel(change.field, ctx.t, ctx.defs);
  const after = formatChangeValue(change.field, change.after, ctx, 'after', changes);
  return (
    <li data-testid="timeline-change">
      <Typography.Text type="secondary">{label}: </Typography.Text>
      {created ? (
        <span>{after}</span>
      ) : (
        <>
          <del className="timeline-before">
            {formatChangeValue(change.field, change.before, ctx, 'before', changes)}
          </del>
          <span aria-hidden="true"> → </span>
          <span className="visually-hidden"> {ctx.t('timeline.to')} </span>
          <ins className="timeline-after">{after}</ins>
        </>
      )}
    </li>
  );
}

/** The company's id says nothing to a person; its name (changed alongside) does. */
function visibleChanges(changes: FieldChange[], fields?: TimelineFields): FieldChange[] {
  const hasName = changes.some((change) => change.field === 'companyName');
  return changes.filter(
    (change) => !(hasName && change.field === 'companyId') && !fields?.hidden?.(change.field, changes),
  );
}

function Entry({ entry, ctx }: { entry: TimelineEntry; ctx: Context }) {
  const { t } = ctx;
  const changes = visibleChanges(entry.changes, ctx.fields);
  return (
    <div data-testid="timeline-entry" className="timeline-entry">
      <Flex wrap gap={4} align="baseline">
        <Typography.Text strong data-testid="timeline-actor">
          {entry.actor.name || entry.actor.id}
        </Typography.Text>
        <span data-testid="timeline-action">{t(`timeline.actions.${entry.action}`)}</span>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          <TimeStamp value={entry.at} />
        </Typography.Text>
      </Flex>
      {changes.length > 0 && (
        <ul className="timeline-changes">
          {changes.map((change) => (
            <ChangeLine
              key={change.field}
              change={change}
              changes={entry.changes}
              created={entry.action === 'created'}
              ctx={ctx}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

type TimelineQuery = UseInfiniteQueryResult<InfiniteData<{ items: TimelineEntry[]; nextCursor: string | null }>>;

/** A contact's or company's timeline. */
export function RecordTimeline({
  resource,
  id,
  defs,
}: {
  resource: RecordResource;
  id: string;
  defs: readonly CustomFieldDef[];
}) {
  const timeline = useRecordTimeline(resource, id);
  return (
    <TimelineView
      entity={resource === 'contacts' ? 'contact' : 'company'}
      id={id}
      timeline={timeline}
      timelineKey={recordKeys.timeline(resource, id)}
      defs={defs}
    />
  );
}

interface ViewProps {
  entity: 'contact' | 'company' | 'deal';
  id: string;
  timeline: TimelineQuery;
  /** Where a logged activity goes, so the list refreshes. */
  timelineKey: QueryKey;
  defs?: readonly CustomFieldDef[];
  fields?: TimelineFields;
}

/**
 * Who changed which field, when, and the calls, meetings, e-mails and notes logged on the record:
 * the merged timeline, newest first, paged by cursor, with the "Log activity" form above it.
 * Every record kind shows it so: translated actions and labels, values in words.
 */
export function TimelineView({ entity, id, timeline, timelineKey, defs = [], fields }: ViewProps) {
  const { t } = useTranslation();
  const staffNames = useStaffNames();
  const { can } = useAuth();
  const ctx: Context = { t, defs, staffNames, language: currentLanguage(), fields };
  const logForm = can('activities:write') && (
    <LogActivityForm entity={entity} entityId={id} timelineKey={timelineKey} />
  );

  return (
    <Flex vertical gap={16} data-testid="timeline">
      {logForm}
      <QueryState
        query={timeline}
        isEmpty={(data) => data.pages.every((page) => page.items.length === 0)}
        empty={t('timeline.empty')}
      >
        {(data) => (
          <div>
            <Timeline
              items={(data.pages.flatMap((page) => page.items) as MergedTimelineEntry[]).map((entry) =>
                entry.type === 'activity'
                  ? {
                      key: `activity-${entry.id}`,
                      color: ACTIVITY_COLORS[entry.activity.kind],
                      icon: ACTIVITY_ICONS[entry.activity.kind],
                      content: <ActivityEntry activity={entry.activity} />,
                    }
                  : {
                      key: entry.id,
                      color: COLORS[entry.action],
                      content: <Entry entry={entry} ctx={ctx} />,
                    },
              )}
            />
            {timeline.hasNextPage && (
              <Button
                block
                data-testid="timeline-load-more"
                loading={timeline.isFetchingNextPage}
                onClick={() => timeline.fetchNextPage()}
              >
                {t('common.loadMore')}
              </Button>
            )}
          </div>
        )}
      </QueryState>
    </Flex>
  );
}
