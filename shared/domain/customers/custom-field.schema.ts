import { ROLES } from '../../auth/roles.js';
import { text, version } from '../common/fields.js';
import * as z from '../common/zod.js';

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
  .check(z.regex(/^[a-z][a-zA-Z0-9_]{0,39}$/, 'Must start with a lower-case letter; letters, digits and _ only'));

const label = text(100, 1);
/** Roles that may read and write a sensitive field's values (admin always may). */
const readRoles = z.array(z.enum(ROLES)).check(z.maxLength(ROLES.length));
const options = z.array(text(100, 1)).check(z.minLength(1, 'A select needs options'), z.maxLength(100));

export const customFieldCreate = z
  .strictObject({
    entity: customFieldEntity,
    key: customFieldKey,
    label,
    type: z.enum(CUSTOM_FIELD_TYPES),
    required: z._default(z.boolean(), false),
    options: z.optional(options),
    /**
     * Stored encrypted, readable only by `readRoles` (and admin), masked for everyone else. Set when
     * the field is created: turning it on later would leave existing values in plaintext.
     */
    sensitive: z._default(z.boolean(), false),
    readRoles: z._default(readRoles, []),
  })
  .check(
    z.superRefine((def, ctx) => {
      const isSelect = def.type === 'select' || def.type === 'multiselect';
      if (isSelect && !def.options)
        ctx.addIssue({ code: 'custom', path: ['options'], message: 'A select needs options' });
      if (!isSelect && def.options)
        ctx.addIssue({ code: 'custom', path: ['options'], message: 'Only selects have options' });
    }),
  );
export type CustomFieldCreate = z.infer<typeof customFieldCreate>;

export const customFieldPatch = z.strictObject({
  label: z.optional(label),
  required: z.optional(z.boolean()),
  options: z.optional(options),
  readRoles: z.optional(readRoles),
  version: z.optional(version),
});
export type CustomFieldPatch = z.infer<typeof customFieldPatch>;

export const customFieldDef = z.object({
  entity: customFieldEntity,
  key: z.string(),
  label: z.string(),
  type: z.enum(CUSTOM_FIELD_TYPES),
  required: z.boolean(),
  options: z.optional(z.array(z.string())),
  sensitive: z.optional(z.boolean()),
  readRoles: z.optional(z.array(z.enum(ROLES))),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type CustomFieldDef = z.infer<typeof customFieldDef>;
