import { Button, DatePicker, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { OwnerSelect } from '../../components/OwnerSelect';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from './audit-choices';
import { type AuditParams, dayOf } from './audit-params';

interface Props {
  values: AuditParams;
  update: (changes: AuditParams) => void;
  clear: () => void;
}

const day = (value: Dayjs | null) => value?.format('YYYY-MM-DD');

/** Who, what kind, which record, which action, when: each filter is a key of the URL. */
export function AuditFilters({ values, update, clear }: Props) {
  const { t } = useTranslation();
  const from = dayOf(values.from);
  const to = dayOf(values.to);

  return (
    <div className="filter-grid" data-testid="audit-filters">
      <OwnerSelect
        value={values.actorId}
        placeholder={t('audit.filters.actor')}
        aria-label={t('audit.columns.actor')}
        data-testid="audit-filter-actor"
        onChange={(actorId) => update({ actorId })}
      />
      <Select<string>
        allowClear
        value={values.entity}
        placeholder={t('audit.filters.entity')}
        aria-label={t('audit.columns.entity')}
        data-testid="audit-filter-entity"
        options={AUDIT_ENTITIES.map((entity) => ({ value: entity, label: t(`audit.entities.${entity}`) }))}
        // A record id belongs to its type: changing the type drops it.
        onChange={(entity) => update({ entity, entityId: undefined })}
      />
      <Input.Search
        // Remount on a URL change so the box shows what is applied.
        key={`${values.entity ?? ''}:${values.entityId ?? ''}`}
        allowClear
        defaultValue={values.entityId}
        disabled={!values.entity}
        placeholder={values.entity ? t('audit.filters.record') : t('audit.filters.recordHint')}
        aria-label={t('audit.filters.record')}
        data-testid="audit-filter-record"
        onSearch={(entityId) => update({ entityId: entityId.trim() || undefined })}
      />
      <Select<string>
        allowClear
        value={values.action}
        placeholder={t('audit.filters.action')}
        aria-label={t('audit.columns.action')}
        data-testid="audit-filter-action"
        options={AUDIT_ACTIONS.map((action) => ({ value: action, label: t(`audit.actions.${action}`) }))}
        onChange={(action) => update({ action })}
      />
      <DatePicker
        value={from}
        placeholder={t('audit.filters.from')}
        aria-label={t('audit.filters.from')}
        data-testid="audit-filter-from"
        disabledDate={(d) => Boolean(to && d.isAfter(to, 'day'))}
        onChange={(value) => update({ from: day(value) })}
      />
      <DatePicker
        value={to}
        placeholder={t('audit.filters.to')}
        aria-label={t('audit.filters.to')}
        data-testid="audit-filter-to"
        disabledDate={(d) => Boolean(from && d.isBefore(from, 'day'))}
        onChange={(value) => update({ to: day(value) })}
      />
      {Object.values(values).some(Boolean) && (
        <Button data-testid="clear-filters" onClick={clear}>
          {t('list.clearFilters')}
        </Button>
      )}
    </div>
  );
}
