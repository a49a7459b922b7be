import type { CompanyCreate, CustomFieldDef, LifecycleStage, Tier } from './types';

/**
 * Enumerations the UI offers as choices. They live in the zod schema files too, but importing
 * those at runtime would pull zod into the bundle; the `satisfies` + exhaustiveness checks below
 * make the compiler fail if the two lists drift apart.
 */
type Exhaustive<Union, List extends readonly unknown[]> = [Exclude<Union, List[number]>] extends [never] ? true : false;

export const LIFECYCLE_STAGES = [
  'subscriber',
  'lead',
  'qualified',
  'opportunity',
  'customer',
  'churned',
] as const satisfies readonly LifecycleStage[];
export const TIERS = ['bronze', 'silver', 'gold', 'platinum'] as const satisfies readonly Tier[];

type CompanySize = NonNullable<CompanyCreate['size']>;
export const COMPANY_SIZES = [
  '1-10',
  '11-50',
  '51-200',
  '201-1000',
  '1001-5000',
  '5000+',
] as const satisfies readonly CompanySize[];

type CustomFieldType = CustomFieldDef['type'];
export const CUSTOM_FIELD_TYPES = [
  'text',
  'number',
  'date',
  'select',
  'multiselect',
  'boolean',
] as const satisfies readonly CustomFieldType[];

export const SORTS = ['updated', 'created', 'name'] as const;
export type Sort = (typeof SORTS)[number];

export const exhaustive: [
  Exhaustive<LifecycleStage, typeof LIFECYCLE_STAGES>,
  Exhaustive<Tier, typeof TIERS>,
  Exhaustive<CompanySize, typeof COMPANY_SIZES>,
  Exhaustive<CustomFieldType, typeof CUSTOM_FIELD_TYPES>,
] = [true, true, true, true];

/** Same rule as the schema's customFieldKey. */
export const CUSTOM_FIELD_KEY_PATTERN = /^[a-z][a-zA-Z0-9_]{0,39}$/;
