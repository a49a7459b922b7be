import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useStaff } from '../api/staff';

/** A staff member from GET /api/staff who can own records (active). */
export function OwnerSelect(props: Omit<SelectProps<string>, 'options' | 'loading'>) {
  const { t } = useTranslation();
  const staff = useStaff();
  return (
    <Select<string>
      showSearch={{ optionFilterProp: 'label' }}
      allowClear
      placeholder={t('form.ownerPlaceholder')}
      loading={staff.isLoading}
      status={staff.isError ? 'warning' : undefined}
      notFoundContent={staff.isError ? t('errors.staffUnavailable') : undefined}
      // Only people who can sign in are offered; the current owner stays shown even if disabled.
      options={(staff.data ?? [])
        .filter((member) => (member.status ?? 'active') === 'active' || member.id === props.value)
        .map((member) => ({
          value: member.id,
          label: member.name || member.email,
        }))}
      {...props}
    />
  );
}
