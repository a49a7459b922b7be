import { Alert, Flex, Form, type FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type DuplicateMatch, useDuplicates } from '../../api/leads';
import { useDebouncedValue } from '../../components/useDebouncedValue';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * 查重 in the contact and company editors: as the user types an e-mail, phone or domain (debounced),
 * says who already has a record with it, so two reps do not work one customer. A record outside
 * the user's scope is named only by its owner.
 */
export function DuplicateWarning({ form, recordId }: { form: FormInstance; recordId?: string }) {
  const { t } = useTranslation();
  const email = Form.useWatch('email', form) as string | undefined;
  const phone = Form.useWatch('phone', form) as string | undefined;
  const domain = Form.useWatch('domain', form) as string | undefined;
  const query = useDebouncedValue(
    {
      email: email && EMAIL.test(email.trim()) ? email.trim() : undefined,
      phone: phone && phone.replace(/\D/g, '').length >= 6 ? phone.trim() : undefined,
      domain: domain?.trim().includes('.') ? domain.trim() : undefined,
      excludeId: recordId,
    },
    400,
  );
  const matches = useDuplicates(query);
  if (!matches.data?.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="duplicate-warning"
      style={{ marginBottom: 16 }}
      message={t('leads.duplicates.title')}
      description={
        <Flex vertical gap={2}>
          {matches.data.map((m) => (
            <span key={`${m.field}-${m.kind}-${m.record?.id ?? m.ownerName ?? m.ownership}`}>{line(m, t)}</span>
          ))}
        </Flex>
      }
    />
  );
}

function line(m: DuplicateMatch, t: TFunction) {
  const what = t(`leads.duplicates.${m.kind}`);
  const field = t(`leads.duplicates.${m.field}`);
  const link = m.record ? (
    <Link to={`/${m.kind === 'contact' ? 'contacts' : 'companies'}/${m.record.id}`}>{m.record.name}</Link>
  ) : null;
  if (m.ownership === 'pool') return t('leads.duplicates.pool', { what, field });
  if (m.ownership === 'you')
    return (
      <>
        {t('leads.duplicates.you', { what, field, name: '' })}
        {link}
      </>
    );
  if (link)
    return (
      <>
        {t('leads.duplicates.otherVisible', { what, field, owner: m.ownerName, name: '' })}
        {link}
      </>
    );
  return t('leads.duplicates.other', { what, field, owner: m.ownerName });
}
