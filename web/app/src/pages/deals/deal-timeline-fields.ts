import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { formatMoney } from '../../../../../shared/domain/common/money';
import type { Deal, Pipeline } from '../../api/deals';
import type { FieldChange } from '../../api/types';
import type { TimelineFields } from '../../components/RecordTimeline';
import { labelOf } from './stage-label';

/** Deal fields with a label of their own (`deals.fields.*`); API names map onto them. */
const LABELS = {
  name: 'name',
  companyId: 'company',
  companyName: 'company',
  amount: 'amount',
  currency: 'currency',
  expectedCloseDate: 'expectedCloseDate',
  stageId: 'stage',
  status: 'status',
  probability: 'probability',
  probabilityOverride: 'probabilityOverride',
  ownerId: 'owner',
  ownerName: 'owner',
  source: 'source',
  nextStep: 'nextStep',
  lostReason: 'lostReason',
  closedAt: 'closedAt',
} as const;

/** Kept for indexes and scoping, or said better by a sibling: nothing a person reads. */
const INTERNAL = new Set(['contactIds', 'pipelineId', 'teamId', 'closeMonth']);

function isLabelled(field: string): field is keyof typeof LABELS {
  return Object.hasOwn(LABELS, field);
}

/**
 * How a deal's changes read on the shared timeline: the amount in the deal's currency (the one
 * changed alongside it when both changed), stages and lost reasons by name, the status in words.
 */
export function dealTimelineFields(deal: Deal, pipeline: Pipeline, t: TFunction, language: string): TimelineFields {
  const currencyOf = (side: 'before' | 'after', changes: FieldChange[]) => {
    const changed = changes.find((c) => c.field === 'currency')?.[side];
    return typeof changed === 'string' && changed ? changed : deal.currency;
  };
  return {
    label: (field) => (isLabelled(field) ? t(`deals.fields.${LABELS[field]}`) : undefined),
    hidden: (field, changes) =>
      INTERNAL.has(field) || (field === 'ownerId' && changes.some((c) => c.field === 'ownerName')),
    value: (field, value, side, changes) => {
      if (field === 'amount' && typeof value === 'number') {
        return formatMoney(value, currencyOf(side, changes), language);
      }
      if (field === 'stageId' && typeof value === 'string') {
        return (
          labelOf(
            pipeline.stages.find((s) => s.id === value),
            language,
          ) || value
        );
      }
      if (field === 'lostReason' && typeof value === 'string') {
        return (
          labelOf(
            pipeline.lostReasons.find((r) => r.id === value),
            language,
          ) || value
        );
      }
      if (field === 'status' && (value === 'open' || value === 'won' || value === 'lost')) {
        return t(`deals.status.${value}`);
      }
      if ((field === 'probability' || field === 'probabilityOverride') && typeof value === 'number') {
        return `${value}%`;
      }
      if (field === 'closedAt' && typeof value === 'string') return dayjs(value).format('YYYY-MM-DD HH:mm');
      return undefined;
    },
  };
}
