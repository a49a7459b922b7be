import { Card, Descriptions, type DescriptionsProps } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { RecordKind } from '../../api/records';
import type { CustomFieldDef } from '../../api/types';
import { CustomFieldDetails } from '../../components/CustomFieldDetails';
import { EMPTY, formatAddress } from '../../components/format';
import { TagList } from '../../components/TagList';
import { TimeStamp } from '../../components/TimeStamp';
import { currentLanguage } from '../../i18n';
import { type RecordBase, recordTestIds } from './record-kind';

export type DetailItem = NonNullable<DescriptionsProps['items']>[number];

/** Items every kind shows, which each kind places among its own. */
export interface SharedDetailItems {
  tier: DetailItem;
  owner: DetailItem;
  address: DetailItem;
}

/** A kind's own items, between the name and the tags. */
export type DetailItems<T> = (record: T, shared: SharedDetailItems, t: TFunction) => DetailItem[];

interface Props<T> {
  kind: RecordKind;
  record: T;
  items: DetailItems<T>;
  defs: readonly CustomFieldDef[];
  ownerName: string;
  /** A panel sits beside the details (e.g. the record's tasks): two columns until very wide screens. */
  compact?: boolean;
}

/** Every field of a record (the name, the kind's own, tags and dates), then its custom fields. */
export function RecordDetails<T extends RecordBase>({ kind, record: r, items, defs, ownerName, compact }: Props<T>) {
  const { t } = useTranslation();
  const shared: SharedDetailItems = {
    tier: { key: 'tier', label: t('fields.tier'), children: r.tier ? t(`tiers.${r.tier}`) : EMPTY },
    owner: { key: 'owner', label: t('fields.owner'), children: ownerName },
    address: {
      key: 'address',
      label: t('fields.address'),
      // A sensitive address the reader may not see arrives as the mask.
      children: (typeof r.address === 'string' ? r.address : formatAddress(r.address, currentLanguage())) || EMPTY,
      span: 'filled',
    },
  };
  return (
    <>
      <Card size="small">
        <Descriptions
          data-testid={recordTestIds(kind.entity).details}
          items={[
            { key: 'name', label: t('fields.name'), children: r.name },
            ...items(r, shared, t),
            { key: 'tags', label: t('fields.tags'), children: r.tags.length ? <TagList tags={r.tags} /> : EMPTY },
            { key: 'createdAt', label: t('fields.createdAt'), children: <TimeStamp value={r.createdAt} /> },
            { key: 'updatedAt', label: t('fields.updatedAt'), children: <TimeStamp value={r.updatedAt} /> },
          ]}
          column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: compact ? 2 : 3, xxl: 3 }}
          size="small"
        />
      </Card>
      <CustomFieldDetails defs={defs} values={r.customFields} />
    </>
  );
}
