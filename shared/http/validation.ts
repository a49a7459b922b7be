import { invalid } from '../domain/common/errors.js';
import type * as z from '../domain/common/zod.js';

/** Turns zod issues into `{ "address.country": "Must be ..." }`, one message per field. */
export function fieldErrors(error: z.core.$ZodError, prefix = ''): Record<string, string> {
  // A Map, not `fields[name] = …`: a field named `__proto__` (JSON.parse makes it an own key)
  // would hit the prototype setter and vanish, and an input with only that key would pass.
  const fields = new Map<string, string>();
  for (const issue of error.issues) {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields.set(base ? `${base}.${key}` : key, 'Unknown field');
      continue;
    }
    const name = base || prefix || 'body';
    // `input` is there because every parse asks for it (reportInput); it never leaves this function.
    if (!fields.has(name)) {
      fields.set(name, issue.code === 'invalid_type' && issue.input === undefined ? 'Required' : issue.message);
    }
  }
  return Object.fromEntries(fields);
}

/** Parses with a schema or throws a 400 naming each bad field. */
export function parseOrThrow<S extends z.ZodMiniType>(schema: S, value: unknown, prefix = ''): z.output<S> {
  const result = schema.safeParse(value, { reportInput: true });
  if (!result.success) throw invalid(fieldErrors(result.error, prefix));
  return result.data;
}
