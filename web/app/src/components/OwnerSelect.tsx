import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useStaff } from '../api/staff';

/** A staff member from GET /api/staff. */
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
      options={(staff.data ?? []).map((member) => ({
        value: member.id,
        label: member.name || member.email,
      }))}
      {...props}
    />
  );
}
