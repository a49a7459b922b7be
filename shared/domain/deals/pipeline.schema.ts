import { id, text, version } from '../common/fields.js';
import * as z from '../common/zod.js';

/**
 * Pipeline: ordered stages, each with a default win probability and a kind (open / won / lost),
 * labelled in English and Simplified Chinese, and the reasons a deal may be lost for.
 * A pipeline has at least one open stage, exactly one won stage and at least one lost stage;
 * a won stage is 100 %, a lost stage 0 %.
 */

export const STAGE_KINDS = ['open', 'won', 'lost'] as const;
export const stageKind = z.enum(STAGE_KINDS);
export type StageKind = z.infer<typeof stageKind>;

/** A label in both console languages. */
export const label = z.strictObject({ en: text(60, 1), zh: text(60, 1) });
export type Label = z.infer<typeof label>;

const stageId = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Lower-case letters, digits and -'));

export const stage = z.strictObject({
  id: stageId,
  label,
  probability: z.int().check(z.gte(0), z.lte(100)),
  kind: stageKind,
});
export type Stage = z.infer<typeof stage>;

export const lostReason = z.strictObject({ id: stageId, label });
export type LostReason = z.infer<typeof lostReason>;

const stages = z.array(stage).check(z.minLength(3, 'At least an open, a won and a lost stage'), z.maxLength(20));
const lostReasons = z.array(lostReason).check(z.minLength(1, 'At least one reason'), z.maxLength(30));

/** Body of POST /api/pipelines. */
export const pipelineCreate = z.strictObject({ name: text(80, 1), stages, lostReasons });
export type PipelineCreate = z.infer<typeof pipelineCreate>;

/** Body of PATCH /api/pipelines/{id}: the whole stage list when it changes (order is the array order). */
export const pipelinePatch = z.strictObject({
  name: z.optional(text(80, 1)),
  stages: z.optional(stages),
  lostReasons: z.optional(lostReasons),
  version: z.optional(version),
});
export type PipelinePatch = z.infer<typeof pipelinePatch>;

export const pipeline = z.object({
  id,
  name: z.string(),
  stages: z.array(stage),
  lostReasons: z.array(lostReason),
  isDefault: z.optional(z.boolean()),
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Pipeline = z.infer<typeof pipeline>;

export const DEFAULT_PIPELINE_ID = 'default';

/** The pipeline a fresh table starts with: Lead 线索 → Intention 意向 → Quote 报价 → Negotiation 谈判 → Won 成交 / Lost 输单. */
export function defaultPipeline(now: string): Pipeline {
  return {
    id: DEFAULT_PIPELINE_ID,
    name: 'Sales',
    isDefault: true,
    stages: [
      { id: 'lead', label: { en: 'Lead', zh: '线索' }, probability: 10, kind: 'open' },
      { id: 'intention', label: { en: 'Intention', zh: '意向' }, probability: 25, kind: 'open' },
      { id: 'quote', label: { en: 'Quote', zh: '报价' }, probability: 50, kind: 'open' },
      { id: 'negotiation', label: { en: 'Negotiation', zh: '谈判' }, probability: 75, kind: 'open' },
      { id: 'won', label: { en: 'Won', zh: '成交' }, probability: 100, kind: 'won' },
      { id: 'lost', label: { en: 'Lost', zh: '输单' }, probability: 0, kind: 'lost' },
    ],
    lostReasons: [
      { id: 'price', label: { en: 'Price too high', zh: '价格过高' } },
      { id: 'competitor', label: { en: 'Chose a competitor', zh: '选择了竞争对手' } },
      { id: 'no-budget', label: { en: 'No budget', zh: '没有预算' } },
      { id: 'no-decision', label: { en: 'No decision', zh: '未做决定' } },
      { id: 'other', label: { en: 'Other', zh: '其他' } },
    ],
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}
