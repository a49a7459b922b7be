import { Card, Descriptions, type DescriptionsProps, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Contact, CustomFieldDef } from '../../api/types';
import { CustomFieldDetails } from '../../components/CustomFieldDetails';
import { EMPTY, formatAddress } from '../../components/format';
import { TagList } from '../../components/TagList';
import { TimeStamp } from '../../components/TimeStamp';
import { currentLanguage } from '../../i18n';

interface Props {
  contact: Contact;
  defs: readonly CustomFieldDef[];
  ownerName: string;
  onTag?: (tag: string) => void;
}

/** Every field of a contact, then its custom fields. */
export function ContactDetails({ contact: c, defs, ownerName }: Props) {
  const { t } = useTranslation();
  const items: DescriptionsProps['items'] = [
    { key: 'name', label: t('fields.name'), children: c.name },
    { key: 'givenName', label: t('fields.givenName'), children: c.givenName || EMPTY },
    { key: 'familyName', label: t('fields.familyName'), children: c.familyName || EMPTY },
    {
      key: 'email',
      label: t('fields.email'),
      children: c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : EMPTY,
    },
    { key: 'emails', label: t('fields.emails'), children: c.emails?.length ? c.emails.join(', ') : EMPTY },
    { key: 'phone', label: t('fields.phone'), children: c.phone ? <a href={`tel:${c.phone}`}>{c.phone}</a> : EMPTY },
    {
      key: 'company',
      label: t('fields.company'),
      children: c.companyId ? (
        <Link to={`/companies/${encodeURIComponent(c.companyId)}`} data-testid="company-link">
          {c.companyName ?? c.companyId}
        </Link>
      ) : (
        EMPTY
      ),
    },
    { key: 'title', label: t('fields.title'), children: c.title || EMPTY },
    {
      key: 'address',
      label: t('fields.address'),
      children: formatAddress(c.address, currentLanguage()) || EMPTY,
      span: 'filled',
    },
    {
      key: 'lifecycleStage',
      label: t('fields.lifecycleStage'),
      children: c.lifecycleStage ? <Tag color="blue">{t(`lifecycle.${c.lifecycleStage}`)}</Tag> : EMPTY,
    },
    { key: 'tier', label: t('fields.tier'), children: c.tier ? t(`tiers.${c.tier}`) : EMPTY },
    { key: 'owner', label: t('fields.owner'), children: ownerName },
    { key: 'source', label: t('fields.source'), children: c.source || EMPTY },
    {
      key: 'marketingConsent',
      label: t('fields.marketingConsent'),
      children: c.marketingConsent ? t('common.yes') : t('common.no'),
    },
    { key: 'tags', label: t('fields.tags'), children: c.tags.length ? <TagList tags={c.tags} /> : EMPTY },
    { key: 'createdAt', label: t('fields.createdAt'), children: <TimeStamp value={c.createdAt} /> },
    { key: 'updatedAt', label: t('fields.updatedAt'), children: <TimeStamp value={c.updatedAt} /> },
  ];

  return (
    <>
      <Card size="small">
        <Descriptions
          data-testid="contact-details"
          items={items}
          column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
          size="small"
        />
      </Card>
      <CustomFieldDetails defs={defs} values={c.customFields} />
    </>
  );
}
