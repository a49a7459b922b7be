import { describe, expect, it } from 'vitest';
import {
  AppError,
  deleted,
  type ErrorCode,
  type ErrorKind,
  forbidden,
  invalid,
  notFound,
  staleVersion,
  unauthorized,
  unavailable,
} from '../../shared/domain/common/errors.js';
import { ERRORS } from '../../shared/domain/error-codes.js';
import { statusOf } from '../../shared/http/error-status.js';

/** Every kind and its status; `satisfies` makes the compiler fail this file when a kind is added. */
const STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unprocessable: 422,
  precondition_required: 428,
  unavailable: 503,
  internal: 500,
} as const satisfies Record<ErrorKind, number>;

const kinds = Object.entries(STATUS) as [ErrorKind, number][];

describe('statusOf', () => {
  it.each(kinds)('answers %s with %i', (kind, status) => {
    expect(statusOf(kind)).toBe(status);
  });

  it('gives every kind its own status', () => {
    expect(new Set(kinds.map(([kind]) => statusOf(kind))).size).toBe(kinds.length);
  });
});

/** A declared code of each kind, so that AppError can be built with every kind. */
const codeOfKind = (kind: ErrorKind) =>
  Object.keys(ERRORS).find((code) => ERRORS[code as ErrorCode].kind === kind) as ErrorCode;

describe('AppError', () => {
  it.each(kinds)('reports the status of its kind (%s → %i)', (kind, status) => {
    expect(statusOf(new AppError(kind as never, codeOfKind(kind), 'message').kind)).toBe(status);
  });

  it('takes the catalogue message when the site gives none', () => {
    expect(new AppError('conflict', 'contact.email_taken').message).toBe(ERRORS['contact.email_taken'].message);
  });

  it('keeps code, message and fields apart', () => {
    const error = new AppError('conflict', 'contact.email_taken', 'That e-mail belongs to another contact', {
      email: 'Taken',
    });

    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'AppError',
      kind: 'conflict',
      code: 'contact.email_taken',
      message: 'That e-mail belongs to another contact',
      fields: { email: 'Taken' },
    });
  });
});

describe('error factories', () => {
  it.each<[string, AppError, ErrorKind, string]>([
    ['invalid', invalid({ phone: 'Bad' }), 'bad_request', 'request.validation_failed'],
    ['notFound', notFound('contact'), 'not_found', 'contact.not_found'],
    ['deleted', deleted('company'), 'conflict', 'company.deleted'],
    ['staleVersion', staleVersion('company'), 'conflict', 'request.stale_version'],
    ['forbidden', forbidden(), 'forbidden', 'auth.forbidden'],
    ['unauthorized', unauthorized(), 'unauthorized', 'auth.unauthorized'],
    ['unavailable', unavailable(), 'unavailable', 'service.unavailable'],
  ])('%s makes a %s error with code %s', (_factory, error, kind, code) => {
    expect(error.kind).toBe(kind);
    expect(error.code).toBe(code);
  });

  it('staleVersion names the record in its message', () => {
    expect(staleVersion('company').message).toMatch(/This company was changed by someone else/);
  });

  it('invalid names the offending fields', () => {
    expect(invalid({ 'address.country': 'Must be …' }).fields).toEqual({ 'address.country': 'Must be …' });
  });
});
