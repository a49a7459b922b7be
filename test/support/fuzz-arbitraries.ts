import fc from 'fast-check';

/**
 * fast-check arbitraries for fuzzing the API: values shaped by a route's JSON Schema (the one the
 * OpenAPI document shows, from the same zod schema), mixed with junk that no schema allows.
 */

export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
};

/** The 10,000-character strings the brief asks for, of one repeated character (cheap to build). */
export const HUGE = 10_000;
const hugeOf = (chars: string[]) => fc.constantFrom(...chars).map((c) => c.repeat(HUGE));

/** Strings that have broken parsers, encoders and key builders elsewhere. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\uD800', // a lone surrogate: valid in a JS string, not in UTF-8
  '\u202Eevil',
  'a\u200Bb',
  '华东 客户',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🎉👩‍👩‍👧',
  '<script>alert(1)</script>',
  "'; DROP TABLE x; --",
  '=HYPERLINK("http://x")',
  '__proto__',
  'constructor',
  '#',
  'CONTACT#1',
  '../../etc/passwd',
  '%00',
  '%',
  'null',
  'true',
  '-1',
  '1e309',
  '9007199254740993',
];

/** Any JSON value, with the strings above and huge strings among the leaves. */
export const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.constantFrom(0, -1, 1.5, -0, Number.MAX_SAFE_INTEGER + 2, 1e308, -1e308),
  fc.constantFrom(...NASTY_STRINGS),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  hugeOf(['x', '字', '🎉']),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 4 }),
  fc.object({ maxDepth: 2, maxKeys: 4 }),
);

const typesOf = (schema: JsonSchema): string[] =>
  schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];

/** A value of the schema, or at its boundaries, or (sometimes) junk of another type. */
export function valueFor(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 5, arbitrary: plausibleFor(schema, depth) }, { weight: 1, arbitrary: junkValue });
}

function plausibleFor(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  if (schema.const !== undefined) return fc.constant(schema.const);
  const union = schema.anyOf ?? schema.oneOf;
  if (union?.length) return fc.oneof(...union.map((s) => valueFor(s, depth)));
  if (schema.allOf?.length) return plausibleFor(schema.allOf[0]!, depth);
  const types = typesOf(schema);
  if (types.length > 1) return fc.oneof(...types.map((type) => plausibleFor({ ...schema, type }, depth)));
  switch (types[0]) {
    case 'string':
      return stringFor(schema);
    case 'integer':
    case 'number':
      return numberFor(schema, types[0] === 'integer');
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return depth > 3
        ? fc.constant([])
        : fc.array(valueFor(schema.items ?? {}, depth + 1), {
            minLength: Math.min(schema.minItems ?? 0, 3),
            maxLength: Math.min(schema.maxItems ?? 4, 4),
          });
    case 'object':
      return depth > 3 ? fc.constant({}) : objectFor(schema, depth);
    default:
      return junkValue;
  }
}

function stringFor(schema: JsonSchema): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 60;
  const boundaries = fc.constantFrom(
    'x'.repeat(max),
    'x'.repeat(max + 1),
    ...(min > 0 ? ['x'.repeat(min - 1)] : []),
    '字'.repeat(Math.min(max, HUGE)),
  );
  const shaped = (() => {
    switch (schema.format) {
      case 'email':
        return fc.emailAddress();
      case 'uuid':
        return fc.uuid();
      case 'date-time':
        return fc.date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map(iso);
      case 'date':
        return fc
          .date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
          .map((d) => iso(d).slice(0, 10));
      default:
        if (schema.pattern) return matching(schema.pattern, min, max);
        return fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.min(max, 80) });
    }
  })();
  return fc.oneof({ weight: 4, arbitrary: shaped }, { weight: 1, arbitrary: boundaries });
}

const iso = (d: Date) => d.toISOString();

function matching(pattern: string, min: number, max: number): fc.Arbitrary<string> {
  try {
    return fc.stringMatching(new RegExp(pattern)).filter((s) => s.length >= min && s.length <= max);
  } catch {
    // A pattern fast-check cannot generate from: plain strings still probe the validator.
    return fc.string({ minLength: min, maxLength: Math.min(max, 80) });
  }
}

function numberFor(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? schema.exclusiveMinimum ?? -1e9;
  const max = schema.maximum ?? schema.exclusiveMaximum ?? 1e9;
  const inRange = integer
    ? fc.integer({ min: Math.max(min, Number.MIN_SAFE_INTEGER), max: Math.min(max, Number.MAX_SAFE_INTEGER) })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  const boundaries = fc.constantFrom(min, max, min - 1, max + 1, 0.5, -0);
  return fc.oneof({ weight: 4, arbitrary: inRange }, { weight: 1, arbitrary: boundaries });
}

function objectFor(schema: JsonSchema, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const shape = Object.fromEntries(Object.entries(properties).map(([k, s]) => [k, valueFor(s, depth + 1)]));
  const required = (schema.required ?? []).filter((k) => k in properties);
  const record = fc.record(shape, { requiredKeys: required });
  const extra = fc.dictionary(
    fc.constantFrom('extra', '__proto__', 'constructor', 'id', 'version', 'pk', 'sk', '💥'),
    junkValue,
    {
      maxKeys: 2,
    },
  );
  return fc.oneof(
    { weight: 4, arbitrary: record },
    // An unknown field is refused by strict schemas: never written along with the known ones.
    { weight: 1, arbitrary: fc.tuple(record, extra).map(([r, e]) => ({ ...r, ...e })) },
    // A required field missing.
    {
      weight: 1,
      arbitrary: record.chain((r) =>
        required.length
          ? fc.constantFrom(...required).map((k) => Object.fromEntries(Object.entries(r).filter(([key]) => key !== k)))
          : fc.constant(r),
      ),
    },
  );
}

/** A request body as sent on the wire: JSON of the schema, other JSON, or no JSON at all. */
export function bodyFor(schema: JsonSchema | undefined): fc.Arbitrary<string | undefined> {
  const asJson = (a: fc.Arbitrary<unknown>) => a.map((v) => JSON.stringify(v) ?? 'null');
  return fc.oneof(
    { weight: schema ? 8 : 1, arbitrary: asJson(schema ? objectFor(schema, 0) : fc.constant({})) },
    { weight: 2, arbitrary: asJson(junkValue) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '',
        '{',
        '{"a":',
        'not json',
        '\u0000',
        '[]',
        'null',
        '"str"',
        '123',
        '{"__proto__":{"isAdmin":true}}',
        '{"constructor":{"prototype":{"polluted":1}}}',
        `${'['.repeat(5000)}${']'.repeat(5000)}`,
        `{"name":"${'x'.repeat(150 * 1024)}"}`,
      ),
    },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

/** Header values fetch can send (no CR, LF or NUL), up to 10,000 characters. */
const headerChar = fc.constantFrom(
  ...Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) => String.fromCharCode(0x20 + i)),
  'é',
  'ÿ',
);
export const junkHeader: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: headerChar, maxLength: 40 }),
  fc.constantFrom('', '*', 'W/"1"', '"1"', '0', '-1', '1.5', '99999999999999999999', 'NaN', 'null'),
  fc.constantFrom('a', '9', '"', 'é').map((c) => c.repeat(HUGE)),
  fc.string({ unit: headerChar, minLength: 200, maxLength: HUGE }),
);

export const contentType: fc.Arbitrary<string | undefined> = fc.constantFrom(
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json; charset=utf-16',
  ';;;',
  '',
  undefined,
);

/**
 * Percent-encodes for a URL. A lone surrogate has no UTF-8 (encodeURIComponent throws): it goes
 * as the bytes of one (`%ED%A0%80`), which is invalid UTF-8 for the server to refuse.
 */
export function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return `${encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, ''))}%ED%A0%80`;
  }
}

/** A path parameter as it goes into the URL: a known id, or junk, encoded or raw. */
export function pathValueFor(known: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...known) },
    {
      weight: 2,
      arbitrary: fc
        .oneof(fc.constantFrom(...NASTY_STRINGS), fc.string({ unit: 'grapheme', maxLength: 30 }))
        .map(encode),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom('%', '%ZZ', '%E0%A4%A', '..', '%2e%2e', 'a%2Fb', '%00', 'a b', "'", '{id}'),
    },
    { weight: 1, arbitrary: fc.constantFrom('a', '9', '-').map((c) => c.repeat(HUGE)) },
  );
}

/** A query string: the schema's own parameters with plausible or junk values, unknown ones, repeats. */
export function queryFor(schema: JsonSchema | undefined): fc.Arbitrary<string> {
  const properties = schema?.properties ?? {};
  const names = Object.keys(properties);
  const scalar = (v: unknown) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));
  const known = names.length
    ? fc
        .constantFrom(...names)
        .chain((name) => valueFor(properties[name]!).map((v) => `${encode(name)}=${encode(scalar(v))}`))
    : fc.constant('');
  const unknown = fc
    .tuple(fc.constantFrom('x', '__proto__', 'limit[]', 'cursor', 'a.b', '💥'), junkValue)
    .map(([k, v]) => `${encode(k)}=${encode(scalar(v))}`);
  const raw = fc.constantFrom('%', 'a=%ZZ', '&&&', '=', 'limit=1&limit=2', `cursor=${'A'.repeat(HUGE)}`, '?', 'a=b=c');
  return fc
    .array(
      fc.oneof({ weight: 4, arbitrary: known }, { weight: 1, arbitrary: unknown }, { weight: 1, arbitrary: raw }),
      {
        maxLength: 4,
      },
    )
    .map((parts) => parts.filter(Boolean).join('&'));
}
