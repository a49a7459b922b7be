import type { TFunction } from 'i18next';
import type { AuditEntry } from '../../api/audit';
import type { CustomFieldDef } from '../../api/types';
import { fieldLabel } from '../../components/field-labels';
import { EMPTY, formatAddress, formatCustomValue } from '../../components/format';

/** What the diff view needs to put a stored value into words. */
export interface ValueContext {
  t: TFunction;
  defs: readonly CustomFieldDef[];
  staffNames: Map<string, string>;
  language: string;
}

/** Properties of a custom-field definition, which its audit entries list as fields. */
const DEFINITION_FIELDS = ['label', 'key', 'type', 'required', 'options'] as const;
type DefinitionField = (typeof DEFINITION_FIELDS)[number];
const isDefinitionField = (field: string): field is DefinitionField =>
  (DEFINITION_FIELDS as readonly string[]).includes(field);

/** The label of a changed field: a record's field, a custom field's label, or a definition's property. */
export function changeLabel(entry: AuditEntry, field: string, ctx: ValueContext): string {
  if (entry.entity === 'customField') return isDefinitionField(field) ? ctx.t(`customFields.${field}`) : field;
  return fieldLabel(field, ctx.t, ctx.defs);
}

/** A stored value in words, in full: the audit log shows what was there, not a summary. */
export function changeValue(entry: AuditEntry, field: string, value: unknown, ctx: ValueContext): string {
  const { t } = ctx;
  if (value === undefined || value === null || value === '') return EMPTY;
  if (entry.entity === 'customField' && field === 'type' && typeof value === 'string') {
    return t(`customFields.types.${value}` as 'customFields.types.text');
  }
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
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (Array.isArray(value)) return value.length ? value.join(', ') : EMPTY;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
