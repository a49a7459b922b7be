import {
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  CognitoIdentityProviderServiceException,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/domain/common/errors.js';
import { statusOf } from '../../shared/http/error-status.js';
import { CognitoUserDirectory, ownAccessToken } from '../../shared/identity/cognito-user-directory.js';
import { otpauthUri } from '../../shared/identity/mfa.js';

const POOL = 'eu-west-1_Staff';
const SUB = '9a1c0d2e-0000-4000-8000-000000000001';
const cognito = mockClient(CognitoIdentityProviderClient);
const directory = () => new CognitoUserDirectory(new CognitoIdentityProviderClient({ region: 'eu-west-1' }), POOL);

/** A token-shaped string with these claims (Cognito, not we, checks the signature). */
const jwt = (claims: Record<string, unknown>) =>
  ['{"alg":"RS256"}', JSON.stringify(claims), 'sig'].map((p) => Buffer.from(p).toString('base64url')).join('.');
const ACCESS = jwt({ sub: SUB, token_use: 'access', scope: 'aws.cognito.signin.user.admin openid' });

const awsError = (name: string) =>
  new CognitoIdentityProviderServiceException({ name, $fault: 'client', $metadata: {}, message: name });

async function failureOf(run: () => Promise<unknown>): Promise<AppError> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

beforeEach(() => cognito.reset());

describe('CognitoUserDirectory: TOTP enrolment with the user own access token', () => {
  it('begins with AssociateSoftwareToken and answers the secret', async () => {
    cognito.on(AssociateSoftwareTokenCommand).resolves({ SecretCode: 'JBSWY3DPEHPK3PXP' });
    expect(await directory().beginTotp(SUB, ACCESS)).toEqual({ secret: 'JBSWY3DPEHPK3PXP' });
    expect(cognito.commandCalls(AssociateSoftwareTokenCommand)[0]!.args[0].input).toEqual({ AccessToken: ACCESS });
  });

  it('verifies the code, then makes TOTP the preferred MFA', async () => {
    cognito.on(VerifySoftwareTokenCommand).resolves({ Status: 'SUCCESS' });
    cognito.on(SetUserMFAPreferenceCommand).resolves({});
    await directory().verifyTotp(SUB, '123456', ACCESS);
    expect(cognito.commandCalls(VerifySoftwareTokenCommand)[0]!.args[0].input).toMatchObject({
      AccessToken: ACCESS,
      UserCode: '123456',
    });
    expect(cognito.commandCalls(SetUserMFAPreferenceCommand)[0]!.args[0].input).toEqual({
      AccessToken: ACCESS,
      SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
    });
  });

  it.each(['CodeMismatchException', 'EnableSoftwareTokenMFAException'])(
    'answers a wrong code (%s) with 400 naming the code, and sets no preference',
    async (name) => {
      cognito.on(VerifySoftwareTokenCommand).rejects(awsError(name));
      const error = await failureOf(() => directory().verifyTotp(SUB, '000000', ACCESS));
      expect([statusOf(error.kind), error.code, Object.keys(error.fields ?? {})]).toEqual([
        400,
        'mfa.code_invalid',
        ['code'],
      ]);
      expect(cognito.commandCalls(SetUserMFAPreferenceCommand)).toHaveLength(0);
    },
  );

  it('answers a verification Cognito did not accept (Status ERROR) as a wrong code', async () => {
    cognito.on(VerifySoftwareTokenCommand).resolves({ Status: 'ERROR' });
    expect((await failureOf(() => directory().verifyTotp(SUB, '000000', ACCESS))).code).toBe('mfa.code_invalid');
    expect(cognito.commandCalls(SetUserMFAPreferenceCommand)).toHaveLength(0);
  });

  it('answers an expired or revoked access token with 401 (sign in again)', async () => {
    cognito.on(AssociateSoftwareTokenCommand).rejects(awsError('NotAuthorizedException'));
    expect(statusOf((await failureOf(() => directory().beginTotp(SUB, ACCESS))).kind)).toBe(401);
  });

  it('answers throttling with 503', async () => {
    cognito.on(VerifySoftwareTokenCommand).resolves({ Status: 'SUCCESS' });
    cognito.on(SetUserMFAPreferenceCommand).rejects(awsError('TooManyRequestsException'));
    expect(statusOf((await failureOf(() => directory().verifyTotp(SUB, '123456', ACCESS))).kind)).toBe(503);
  });

  it('lets an unknown failure through as it is (a bare 500)', async () => {
    cognito.on(AssociateSoftwareTokenCommand).rejects(awsError('InternalErrorException'));
    await expect(directory().beginTotp(SUB, ACCESS)).rejects.toThrow('InternalErrorException');
  });

  it('refuses without calling Cognito when the access token is missing, not an access token, or another user', async () => {
    expect((await failureOf(() => directory().beginTotp(SUB, undefined))).code).toBe('mfa.access_token_required');
    expect((await failureOf(() => directory().beginTotp(SUB, 'not-a-jwt'))).code).toBe('mfa.access_token_required');
    const idToken = jwt({ sub: SUB, token_use: 'id' });
    expect((await failureOf(() => directory().beginTotp(SUB, idToken))).code).toBe('mfa.access_token_required');
    const other = jwt({ sub: 'someone-else', token_use: 'access' });
    expect(statusOf((await failureOf(() => directory().verifyTotp(SUB, '123456', other))).kind)).toBe(403);
    expect(cognito.calls()).toHaveLength(0);
    expect(ownAccessToken(SUB, ACCESS)).toBe(ACCESS);
  });
});

describe('otpauth URI', () => {
  it('names the issuer and the account, SHA-1, 6 digits, 30 seconds', () => {
    const uri = new URL(otpauthUri('JBSWY3DPEHPK3PXP', 'ann+admin@example.com'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Cirrus CRM:ann+admin@example.com');
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      secret: 'JBSWY3DPEHPK3PXP',
      issuer: 'Cirrus CRM',
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
  });
});
