import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openValue, sealValue, setLocalFieldKey } from '../../shared/crypto/field-protection.js';
import { customFieldCreate } from '../../shared/domain/customers/custom-field.schema.js';
import { checkCustomFields } from '../../shared/domain/customers/custom-fields.js';
import {
  ENCRYPTED_MARKER,
  forbiddenFieldWrites,
  MASK,
  maskSensitiveChanges,
  mayAccessField,
} from '../../shared/domain/customers/sensitive-fields.js';

const nationalId = { key: 'nationalId', sensitive: true, readRoles: ['finance' as const] };
const plain = { key: 'shoeSize' };

describe('who may read and write a sensitive field', () => {
  it('allows admin always, the listed roles, and nobody else', () => {
    expect(mayAccessField(['admin'], nationalId)).toBe(true);
    expect(mayAccessField(['finance'], nationalId)).toBe(true);
    expect(mayAccessField(['sales', 'finance'], nationalId)).toBe(true);
    for (const role of ['sales', 'support', 'sysadmin', 'manager', 'marketing'] as const) {
      expect(mayAccessField([role], nationalId)).toBe(false);
    }
    expect(mayAccessField([], nationalId)).toBe(false);
  });

  it('lets everyone access a field that is not sensitive', () => {
    expect(mayAccessField(['sales'], plain)).toBe(true);
  });

  it('names every sensitive field a role may not write, including clearing it with null', () => {
    expect(forbiddenFieldWrites(['sales'], [nationalId, plain], { nationalId: 'x', shoeSize: 4 })).toEqual({
      'customFields.nationalId': expect.any(String),
    });
    expect(forbiddenFieldWrites(['sales'], [nationalId], { nationalId: null })).toHaveProperty([
      'customFields.nationalId',
    ]);
    expect(forbiddenFieldWrites(['sales'], [nationalId], { shoeSize: 4 })).toEqual({});
    expect(forbiddenFieldWrites(['sales'], [nationalId], undefined)).toEqual({});
    expect(forbiddenFieldWrites(['finance'], [nationalId], { nationalId: 'x' })).toEqual({});
  });
});

describe('audit changes of sensitive fields', () => {
  it('carry the encrypted marker, never the value or its ciphertext', () => {
    const changes = maskSensitiveChanges(
      [
        { field: 'customFields.nationalId.$sealed', before: null, after: 'AYADcipher' },
        { field: 'customFields.shoeSize', before: 4, after: 5 },
        { field: 'name', before: 'A', after: 'B' },
      ],
      [nationalId, plain],
    );
    expect(changes).toEqual([
      { field: 'customFields.nationalId', before: null, after: ENCRYPTED_MARKER },
      { field: 'customFields.shoeSize', before: 4, after: 5 },
      { field: 'name', before: 'A', after: 'B' },
    ]);
  });

  it('masks a plain-valued change of a sensitive field too', () => {
    const [change] = maskSensitiveChanges(
      [{ field: 'customFields.nationalId', before: 'a', after: null }],
      [nationalId],
    );
    expect(change).toEqual({ field: 'customFields.nationalId', before: ENCRYPTED_MARKER, after: null });
  });

  it('uses a mask that shows nothing of the value', () => {
    expect(MASK).toBe('••••');
  });
});

describe('definitions and validation', () => {
  it('defaults to not sensitive with no read roles, and accepts only known roles', () => {
    const def = customFieldCreate.parse({ entity: 'contact', key: 'x', label: 'X', type: 'text' });
    expect(def).toMatchObject({ sensitive: false, readRoles: [] });
    expect(
      customFieldCreate.safeParse({ entity: 'contact', key: 'x', label: 'X', type: 'text', readRoles: ['root'] })
        .success,
    ).toBe(false);
  });

  it('keeps an already encrypted value untouched when checking custom fields', () => {
    const sealed = { $sealed: 'abc' };
    const def = { entity: 'contact' as const, key: 'nationalId', label: 'N', type: 'text' as const, required: true };
    const out = checkCustomFields([{ ...def, createdAt: '', updatedAt: '', version: 1, sensitive: true }], {
      nationalId: sealed,
    } as never);
    expect(out).toEqual({ values: { nationalId: sealed }, errors: {} });
  });
});

describe('field protection (AWS Encryption SDK, local raw AES keyring)', () => {
  setLocalFieldKey(randomBytes(32));
  const at = { entity: 'contact', recordId: 'r1', field: 'nationalId' };

  it('round-trips a value; the stored form holds no plaintext', async () => {
    const sealed = await sealValue('AB-123456', at);
    expect(Buffer.from(sealed.$sealed, 'base64').toString('latin1')).not.toContain('AB-123456');
    await expect(openValue(sealed, at)).resolves.toBe('AB-123456');
  });

  it('refuses a ciphertext moved to another record or field', async () => {
    const sealed = await sealValue('AB-123456', at);
    await expect(openValue(sealed, { ...at, recordId: 'r2' })).rejects.toThrow();
    await expect(openValue(sealed, { ...at, field: 'other' })).rejects.toThrow();
  });

  it('cannot be opened with another key', async () => {
    const sealed = await sealValue(42, at);
    setLocalFieldKey(randomBytes(32));
    await expect(openValue(sealed, at)).rejects.toThrow();
  });
});
