import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { LIFECYCLE_STAGES } from '../../api/domain';
import type { LifecycleStage } from '../../api/types';

/** The lifecycle stages as choices of a select, labelled in the current language. */
export function lifecycleOptions(t: TFunction) {
  return LIFECYCLE_STAGES.map((stage) => ({ value: stage, label: t(`lifecycle.${stage}`) }));
}

/** A contact's lifecycle stage, as a tag. */
export function LifecycleTag({ stage }: { stage: LifecycleStage }) {
  const { t } = useTranslation();
  return <Tag color="blue">{t(`lifecycle.${stage}`)}</Tag>;
}
