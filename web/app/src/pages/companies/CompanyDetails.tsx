import { Card, Descriptions, type DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Company, CustomFieldDef } from '../../api/types';
import { CustomFieldDetails } from '../../components/CustomFieldDetails';
import { EMPTY, formatAddress } from '../../components/format';
import { TagList } from '../../components/TagList';
import { TimeStamp } from '../../components/TimeStamp';
import { currentLanguage } from '../../i18n';

/** Every field of a company, then its custom fields. */
export function CompanyDetails({
  company: c,
  defs,
  ownerName,
}: {
  company: Company;
  defs: readonly CustomFieldDef[];
  ownerName: string;
}) {
  const { t } = useTranslation();
  const items: DescriptionsProps['items'] = [
    { key: 'name', label: t('fields.name'), children: c.name },
    {
      key: 'domain',
      label: t('fields.domain'),
      children: c.domain ? (
        <a href={`https://${c.domain}`} target="_blank" rel="noreferrer noopener">
          {c.domain}
        </a>
      ) : (
        EMPTY
      ),
    },
    { key: 'industry', label: t('fields.industry'), children: c.industry || EMPTY },
    { key: 'size', label: t('fields.size'), children: c.size ?? EMPTY },
    { key: 'tier', label: t('fields.tier'), children: c.tier ? t(`tiers.${c.tier}`) : EMPTY },
    { key: 'owner', label: t('fields.owner'), children: ownerName },
    {
      key: 'address',
      label: t('fields.address'),
      children: formatAddress(c.address, currentLanguage()) || EMPTY,
      span: 'filled',
    },
    { key: 'tags', label: t('fields.tags'), children: c.tags.length ? <TagList tags={c.tags} /> : EMPTY },
    { key: 'createdAt', label: t('fields.createdAt'), children: <TimeStamp value={c.createdAt} /> },
    { key: 'updatedAt', label: t('fields.updatedAt'), children: <TimeStamp value={c.updatedAt} /> },
  ];
  return (
    <>
      <Card size="small">
        <Descriptions
          data-testid="company-details"
          items={items}
          column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
          size="small"
        />
      </Card>
      <CustomFieldDetails defs={defs} values={c.customFields} />
    </>
  );
}
