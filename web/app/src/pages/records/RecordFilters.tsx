import { TagOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordKind } from '../../api/records';
import { OwnerSelect } from '../../components/OwnerSelect';
import { SearchBox } from '../../components/SearchBox';
import { tierOptions } from './choices';
import { recordTestIds } from './record-kind';

/** The filters every kind's list has; a kind lists its own next to them. */
export const SHARED_FILTER_KEYS = ['tag', 'ownerId'] as const;
export type SharedFilterKey = (typeof SHARED_FILTER_KEYS)[number];

/** The list page's filter values (from the URL) and how to change them. */
export interface FilterProps<K extends string> {
  values: Partial<Record<K, string>>;
  onChange: (changes: Partial<Record<K, string | undefined>>) => void;
}

export const FULL_WIDTH = { width: '100%' };

interface Props extends FilterProps<SharedFilterKey> {
  kind: RecordKind;
  /** The kind's own filters, after tag and owner. */
  children: ReactNode;
}

/** The filter grid: tag and owner, then the kind's own; each narrows GET /api/{resource}. */
export function RecordFilters({ kind, values, onChange, children }: Props) {
  const { t } = useTranslation();
  return (
    <div className="filter-grid" data-testid={recordTestIds(kind.entity).filters}>
      <div>
        <SearchBox
          testId="filter-tag"
          role="textbox"
          icon={<TagOutlined />}
          placeholder={t('list.tagPlaceholder')}
          value={values.tag}
          onSearch={(tag) => onChange({ tag })}
        />
      </div>
      <OwnerSelect
        data-testid="filter-owner"
        placeholder={t('list.anyOwner')}
        value={values.ownerId}
        onChange={(ownerId) => onChange({ ownerId })}
        style={FULL_WIDTH}
      />
      {children}
    </div>
  );
}

interface ChoiceFilterProps {
  testId: string;
  /** What an empty filter says, e.g. "Any tier". */
  placeholder: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  onChange: (value: string | undefined) => void;
}

/** One of a fixed set of values, or any (cleared). */
export function ChoiceFilter({ testId, placeholder, value, options, onChange }: ChoiceFilterProps) {
  return (
    <Select
      data-testid={testId}
      allowClear
      placeholder={placeholder}
      value={value}
      options={options}
      onChange={(next?: string) => onChange(next)}
      style={FULL_WIDTH}
    />
  );
}

/** Any tier, or one. */
export function TierFilter({ value, onChange }: Pick<ChoiceFilterProps, 'value' | 'onChange'>) {
  const { t } = useTranslation();
  return (
    <ChoiceFilter
      testId="filter-tier"
      placeholder={t('list.anyTier')}
      value={value}
      options={tierOptions(t)}
      onChange={onChange}
    />
  );
}
