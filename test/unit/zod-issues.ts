import type * as z from '../../shared/domain/common/zod.js';

/**
 * The field paths a schema rejects in a value (`address.country`, or `planet` for an unknown key),
 * sorted; empty when the value parses. Lets schema tests say which field is wrong without pinning
 * zod's wording.
 */
export function rejectedFields(schema: z.ZodMiniType, value: unknown): string[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  const paths = result.error.issues.flatMap((issue) => {
    const base = issue.path.map(String);
    return issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...base, key].join('.')) : [base.join('.')];
  });
  return [...new Set(paths)].sort();
}
