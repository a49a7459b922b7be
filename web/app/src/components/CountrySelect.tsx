import { Select, type SelectProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { countryOptions } from './countries';

/** A country by ISO code, searchable by name or code in the UI language. */
export function CountrySelect(props: Omit<SelectProps<string>, 'options'>) {
  const { t, i18n } = useTranslation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the names follow the UI language
  const options = useMemo(() => countryOptions(currentLanguage()), [i18n.language]);
  return (
    <Select<string>
      showSearch={{ optionFilterProp: 'label' }}
      allowClear
      placeholder={t('form.countryPlaceholder')}
      options={options}
      {...props}
    />
  );
}
