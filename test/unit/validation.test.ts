import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/domain/common/errors.js';
import * as z from '../../shared/domain/common/zod.js';
import { contactCreate, contactListQuery } from '../../shared/domain/customers/contact.schema.js';
import { fieldErrors, parseOrThrow } from '../../shared/http/validation.js';
import { aContactBody } from '../support/builders.js';

function errorOf(schema: z.ZodMiniType, value: unknown): z.core.$ZodError {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected the value to be rejected');
  return result.error;
}

describe('fieldErrors', () => {
  it('calls an unknown top-level field "Unknown field"', () => {
    expect(fieldErrors(errorOf(contactCreate, aContactBody({ shoeSize: 44 })))).toEqual({ shoeSize: 'Unknown field' });
  });

  it('names an unknown nested field by its full path', () => {
    const error = errorOf(contactCreate, aContactBody({ address: { city: 'Berlin', planet: 'Mars' } }));

    expect(fieldErrors(error)).toEqual({ 'address.planet': 'Unknown field' });
  });

  it('names each of several unknown fields', () => {
    const error = errorOf(contactCreate, aContactBody({ a: 1, b: 2 }));

    expect(fieldErrors(error)).toEqual({ a: 'Unknown field', b: 'Unknown field' });
  });

  it('names an unknown `__proto__` field (an own key after JSON.parse) instead of losing it', () => {
    const body = JSON.parse('{"code":"123456","__proto__":{"isAdmin":true}}');
    const error = errorOf(z.strictObject({ code: z.string() }), body);

    const fields = fieldErrors(error);

    expect(Object.keys(fields)).toEqual(['__proto__']);
    expect(JSON.parse(JSON.stringify(fields))).toEqual(JSON.parse('{"__proto__":"Unknown field"}'));
  });

  it('calls a missing field "Required"', () => {
    expect(fieldErrors(errorOf(contactCreate, {}))).toEqual({ name: 'Required' });
  });

  it("gives a present but invalid field the schema's message", () => {
    const error = errorOf(contactCreate, aContactBody({ address: { country: 'usa' } }));

    expect(fieldErrors(error)).toEqual({ 'address.country': 'Must be an ISO 3166 country code such as US or CN' });
  });

  it('names an invalid array member by its index', () => {
    expect(Object.keys(fieldErrors(errorOf(contactCreate, aContactBody({ tags: ['ok', 'a,b'] }))))).toEqual(['tags.1']);
  });

  it('keeps the first message when a field fails twice', () => {
    const twice = z.object({
      code: z.string().check(z.minLength(3, 'Too short'), z.regex(/^[a-z]+$/, 'Letters only')),
    });

    expect(fieldErrors(errorOf(twice, { code: '1' }))).toEqual({ code: 'Too short' });
  });

  it('prefixes every path with the given prefix', () => {
    const error = errorOf(contactListQuery, { limit: '0', page: '2' });

    expect(Object.keys(fieldErrors(error, 'query')).sort()).toEqual(['query.limit', 'query.page']);
  });

  it('names the whole input "body" when it is missing and there is no prefix', () => {
    expect(fieldErrors(errorOf(contactCreate, undefined))).toEqual({ body: 'Required' });
  });

  it('names the whole input by the prefix when there is one', () => {
    expect(Object.keys(fieldErrors(errorOf(contactCreate, undefined), 'query'))).toEqual(['query']);
  });
});

describe('parseOrThrow', () => {
  it('returns the parsed value', () => {
    expect(parseOrThrow(contactCreate, { name: ' Ann ', email: 'A@X.COM' })).toEqual({ name: 'Ann', email: 'a@x.com' });
  });

  it('throws a 400 naming every bad field', () => {
    let thrown: unknown;
    try {
      parseOrThrow(contactCreate, { shoeSize: 44 });
    } catch (error) {
      thrown = error;
    }

    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({
      kind: 'bad_request',
      code: 'request.validation_failed',
      fields: { name: 'Required', shoeSize: 'Unknown field' },
    });
  });
});

describe('wrong types are not reported as missing', () => {
  it('names a number sent for the name as a type error, not as Required', () => {
    const error = (() => {
      try {
        parseOrThrow(contactCreate, { name: 123 });
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(error?.fields?.name).toBeDefined();
    expect(error?.fields?.name).not.toBe('Required');
  });

  it('still says Required when the field is absent', () => {
    const error = (() => {
      try {
        parseOrThrow(contactCreate, {});
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(error?.fields?.name).toBe('Required');
  });
});
