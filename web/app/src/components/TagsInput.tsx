import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';

/** Free-form tags: type and press Enter (or a comma). Up to 30 of at most 40 characters each. */
/** Same rule as the API's tag schema. */
export function tagsValidator(message: string) {
  return {
    validator: async (_: unknown, tags: string[] | undefined) => {
      const bad = (tags ?? []).find((tag) => tag.trim().length > 40 || /[,<>]/.test(tag));
      if (bad !== undefined) throw new Error(message);
    },
  };
}

export function TagsInput(props: Omit<SelectProps<string[]>, 'mode'>) {
  const { t } = useTranslation();
  return (
    <Select<string[]>
      mode="tags"
      tokenSeparators={[',']}
      maxCount={30}
      placeholder={t('form.tagsPlaceholder')}
      {...props}
    />
  );
}
