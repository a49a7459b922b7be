import type { TFunction } from 'i18next';
import { TIERS } from '../../api/domain';

/** The tiers as choices of a select, labelled in the current language. */
export function tierOptions(t: TFunction) {
  return TIERS.map((tier) => ({ value: tier, label: t(`tiers.${tier}`) }));
}
