import { Card, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomFieldDef } from '../api/types';
import { formatCustomValue } from './format';

/** A record's custom fields: every defined one, plus stored values whose definition is gone. */
export function CustomFieldDetails({
  defs,
  values,
}: {
  defs: readonly CustomFieldDef[];
  values: Record<string, unknown>;
}) {
  const { t } = useTranslation();
  const orphanKeys = Object.keys(values).filter((key) => !defs.some((def) => def.key === key));
  if (!defs.length && !orphanKeys.length) return null;
  const items = [
    ...defs.map((def) => ({
      key: def.key,
      label: def.label,
      children: <span data-testid={`custom-${def.key}`}>{formatCustomValue(def, values[def.key], t)}</span>,
    })),
    ...orphanKeys.map((key) => ({ key, label: key, children: formatCustomValue(undefined, values[key], t) })),
  ];
  return (
    <Card size="small" title={t('fields.customFields')} style={{ marginTop: 16 }}>
      <Descriptions
        data-testid="custom-field-details"
        items={items}
        column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
        size="small"
      />
    </Card>
  );
}
