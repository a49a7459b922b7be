import { z } from 'zod';

/**
 * Custom fields: an admin defines extra fields per entity; every write of that entity is checked
 * against the definitions (see custom-fields.ts).
 */

export const CUSTOM_FIELD_ENTITIES = ['contact', 'company'] as const;
export const customFieldEntity = z.enum(CUSTOM_FIELD_ENTITIES);
export type CustomFieldEntity = z.infer<typeof customFieldEntity>;

export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'select', 'multiselect', 'boolean'] as const;

export const customFieldKey = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9_]{0,39}$/, 'Must start with a lower-case letter; letters, digits and _ only');

const label = z.string().trim().min(1, 'Required').max(100);
const options = z.array(z.string().trim().min(1).max(100)).min(1, 'A select needs options').max(100);

export const customFieldCreate = z
  .object({
    entity: customFieldEntity,
    key: customFieldKey,
    label,
    type: z.enum(CUSTOM_FIELD_TYPES),
    required: z.boolean().default(false),
    options: options.optional(),
  })
  .strict()
  .superRefine((def, ctx) => {
    const isSelect = def.type === 'select' || def.type === 'multiselect';
    if (isSelect && !def.options)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'A select needs options' });
    if (!isSelect && def.options)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'Only selects have options' });
  });
export type CustomFieldCreate = z.infer<typeof customFieldCreate>;

export const customFieldPatch = z
  .object({
    label: label.optional(),
    required: z.boolean().optional(),
    options: options.optional(),
    version: z.number().int().positive().optional(),
  })
  .strict();
export type CustomFieldPatch = z.infer<typeof customFieldPatch>;

export const customFieldDef = z.object({
  entity: customFieldEntity,
  key: z.string(),
  label: z.string(),
  type: z.enum(CUSTOM_FIELD_TYPES),
  required: z.boolean(),
  options: z.array(z.string()).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type CustomFieldDef = z.infer<typeof customFieldDef>;
