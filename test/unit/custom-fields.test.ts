import { describe, expect, it } from 'vitest';
import type { CustomFieldValues } from '../../shared/domain/common/fields.js';
import type { CustomFieldDef } from '../../shared/domain/customers/custom-field.schema.js';
import { checkCustomFields } from '../../shared/domain/customers/custom-fields.js';
import { aCustomFieldDef } from '../support/builders.js';

type Value = CustomFieldValues[string];

const text = aCustomFieldDef({ key: 'nickname', type: 'text' });
const number = aCustomFieldDef({ key: 'budget', type: 'number' });
const boolean = aCustomFieldDef({ key: 'vipOptIn', type: 'boolean' });
const date = aCustomFieldDef({ key: 'renewalOn', type: 'date' });
const select = aCustomFieldDef({ key: 'region', type: 'select', options: ['east', 'west', '华东'] });
const multiselect = aCustomFieldDef({ key: 'langs', type: 'multiselect', options: ['en', 'zh', 'de'] });

function check(def: CustomFieldDef, value: Value) {
  return checkCustomFields([def], { [def.key]: value });
}

describe('checkCustomFields', () => {
  it.each<[string, CustomFieldDef, Value]>([
    ['text', text, 'Annie'],
    ['empty text', text, ''],
    ['a whole number', number, 42],
    ['a negative decimal', number, -3.5],
    ['zero', number, 0],
    ['true', boolean, true],
    ['false', boolean, false],
    ['a date', date, '2026-03-01'],
    ['the last day of February', date, '2026-02-28'],
    ['a leap day in a leap year', date, '2024-02-29'],
    ['one of the options', select, 'west'],
    ['a Chinese option', select, '华东'],
    ['several of the options', multiselect, ['en', 'zh']],
    ['none of the options', multiselect, []],
  ])('accepts %s and stores it', (_case, def, value) => {
    const result = check(def, value);

    expect(result.errors).toEqual({});
    expect(result.values).toEqual({ [def.key]: value });
  });

  it.each<[string, CustomFieldDef, Value, string]>([
    ['a number as text', text, 42, 'Must be text'],
    ['a boolean as text', text, true, 'Must be text'],
    ['a list as text', text, ['a'], 'Must be text'],
    ['text as a number', number, '42', 'Must be a number'],
    ['infinity as a number', number, Number.POSITIVE_INFINITY, 'Must be a number'],
    ['NaN as a number', number, Number.NaN, 'Must be a number'],
    ['"true" as a boolean', boolean, 'true', 'Must be true or false'],
    ['1 as a boolean', boolean, 1, 'Must be true or false'],
    ['a date without leading zeros', date, '2026-3-1', 'Must be a date (YYYY-MM-DD)'],
    ['a US-style date', date, '03/01/2026', 'Must be a date (YYYY-MM-DD)'],
    ['a date-time', date, '2026-03-01T00:00:00Z', 'Must be a date (YYYY-MM-DD)'],
    ['month 13', date, '2026-13-01', 'Must be a date (YYYY-MM-DD)'],
    ['month 00', date, '2026-00-10', 'Must be a date (YYYY-MM-DD)'],
    ['day 32', date, '2026-01-32', 'Must be a date (YYYY-MM-DD)'],
    ['day 00', date, '2026-01-00', 'Must be a date (YYYY-MM-DD)'],
    ['a timestamp as a date', date, 1772323200000, 'Must be a date (YYYY-MM-DD)'],
    ['free text as a date', date, 'next Tuesday', 'Must be a date (YYYY-MM-DD)'],
    ['an unknown option', select, 'north', 'Must be one of: east, west, 华东'],
    ['an option in other case', select, 'East', 'Must be one of: east, west, 华东'],
    ['a list for a select', select, ['east'], 'Must be one of: east, west, 华东'],
    ['one unknown option among known ones', multiselect, ['en', 'fr'], 'Each value must be one of: en, zh, de'],
    ['a single string for a multiselect', multiselect, 'en', 'Each value must be one of: en, zh, de'],
  ])('rejects %s', (_case, def, value, message) => {
    const result = check(def, value);

    expect(result.errors).toEqual({ [`customFields.${def.key}`]: message });
    expect(result.values).toEqual({});
  });

  it('rejects a key no definition has', () => {
    const result = checkCustomFields([text], { shoeSize: 44 });

    expect(result.errors).toEqual({ 'customFields.shoeSize': 'Unknown custom field' });
    expect(result.values).toEqual({});
  });

  it('rejects a key defined for no field even when the value is null', () => {
    expect(checkCustomFields([text], { shoeSize: null }).errors).toEqual({
      'customFields.shoeSize': 'Unknown custom field',
    });
  });

  it('reports a required field that is missing', () => {
    const required = aCustomFieldDef({ key: 'budget', type: 'number', required: true });

    expect(checkCustomFields([required], {}).errors).toEqual({ 'customFields.budget': 'Required' });
  });

  it('reports a required field that is cleared with null', () => {
    const required = aCustomFieldDef({ key: 'budget', type: 'number', required: true });

    expect(checkCustomFields([required], { budget: null }).errors).toEqual({ 'customFields.budget': 'Required' });
  });

  it('reports what is wrong with a required field rather than just "Required"', () => {
    const required = aCustomFieldDef({ key: 'budget', type: 'number', required: true });

    expect(checkCustomFields([required], { budget: 'lots' }).errors).toEqual({
      'customFields.budget': 'Must be a number',
    });
  });

  it('does not ask for an optional field', () => {
    expect(checkCustomFields([text, number], {})).toEqual({ values: {}, errors: {} });
  });

  it('drops a value cleared with null from what is stored', () => {
    const result = checkCustomFields([text, number], { nickname: null, budget: 10 });

    expect(result).toEqual({ values: { budget: 10 }, errors: {} });
  });

  it('reports every bad field at once and keeps the good ones', () => {
    const result = checkCustomFields([text, number, select], {
      nickname: 'Annie',
      budget: 'x',
      region: 'north',
      zz: 1,
    });

    expect(result.values).toEqual({ nickname: 'Annie' });
    expect(Object.keys(result.errors).sort()).toEqual([
      'customFields.budget',
      'customFields.region',
      'customFields.zz',
    ]);
  });
});

describe('dates that do not exist', () => {
  it.each(['2026-02-30', '2026-02-31', '2026-04-31', '2025-02-29'])('rejects %s', (value) => {
    const def = aCustomFieldDef({ key: 'renewal', type: 'date' });
    expect(checkCustomFields([def], { renewal: value }).errors).toEqual({
      'customFields.renewal': 'Must be a date (YYYY-MM-DD)',
    });
  });

  it('accepts 29 February in a leap year', () => {
    const def = aCustomFieldDef({ key: 'renewal', type: 'date' });
    expect(checkCustomFields([def], { renewal: '2028-02-29' }).errors).toEqual({});
  });
});
