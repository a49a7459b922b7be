import { describe, expect, it } from 'vitest';
import {
  CUSTOM_FIELD_TYPES,
  customFieldCreate,
  customFieldPatch,
} from '../../shared/domain/customers/custom-field.schema.js';
import { aCustomFieldBody } from '../support/builders.js';
import { rejectedFields } from './zod-issues.js';

const SELECTS = ['select', 'multiselect'] as const;
const NON_SELECTS = CUSTOM_FIELD_TYPES.filter((t) => t !== 'select' && t !== 'multiselect');

describe('customFieldCreate', () => {
  it('makes a field optional unless told otherwise', () => {
    expect(customFieldCreate.parse(aCustomFieldBody()).required).toBe(false);
  });

  it.each(NON_SELECTS)('accepts a %s field without options', (type) => {
    expect(rejectedFields(customFieldCreate, aCustomFieldBody({ type }))).toEqual([]);
  });

  it.each(NON_SELECTS)('rejects options on a %s field', (type) => {
    expect(rejectedFields(customFieldCreate, aCustomFieldBody({ type, options: ['a'] }))).toEqual(['options']);
  });

  it.each(SELECTS)('accepts a %s field with options, trimmed', (type) => {
    const parsed = customFieldCreate.parse(aCustomFieldBody({ key: 'region', type, options: [' east', 'west '] }));

    expect(parsed.options).toEqual(['east', 'west']);
  });

  it.each(SELECTS)('requires options for a %s field', (type) => {
    expect(rejectedFields(customFieldCreate, aCustomFieldBody({ type }))).toEqual(['options']);
  });

  it.each(SELECTS)('rejects an empty option list for a %s field', (type) => {
    expect(rejectedFields(customFieldCreate, aCustomFieldBody({ type, options: [] }))).toEqual(['options']);
  });

  it.each(['Nickname', '1st', '_x', 'nick-name', 'nick name', `a${'b'.repeat(40)}`, ''])(
    'rejects the key %j',
    (key) => {
      expect(rejectedFields(customFieldCreate, aCustomFieldBody({ key }))).toEqual(['key']);
    },
  );

  it.each(['n', 'nickName', 'budget_2026', `a${'b'.repeat(39)}`])('accepts the key %j', (key) => {
    expect(rejectedFields(customFieldCreate, aCustomFieldBody({ key }))).toEqual([]);
  });

  it.each([
    ['an unknown entity', { entity: 'deal' }, 'entity'],
    ['an unknown type', { type: 'currency' }, 'type'],
    ['a blank label', { label: '  ' }, 'label'],
    ['an unknown field', { default: 'x' }, 'default'],
  ])('rejects %s', (_case, overrides, field) => {
    expect(rejectedFields(customFieldCreate, aCustomFieldBody(overrides))).toEqual([field]);
  });
});

describe('customFieldPatch', () => {
  it('accepts a new label, requiredness and options', () => {
    expect(customFieldPatch.parse({ label: ' Region ', required: true, options: ['east'], version: 2 })).toEqual({
      label: 'Region',
      required: true,
      options: ['east'],
      version: 2,
    });
  });

  it.each([
    ['the type', { type: 'number' }, 'type'],
    ['the key', { key: 'other' }, 'key'],
    ['the entity', { entity: 'company' }, 'entity'],
  ])('does not let %s change', (_case, patch, field) => {
    expect(rejectedFields(customFieldPatch, patch)).toEqual([field]);
  });

  it('rejects an empty option list', () => {
    expect(rejectedFields(customFieldPatch, { options: [] })).toEqual(['options']);
  });
});
