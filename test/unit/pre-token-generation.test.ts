import {
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  CognitoIdentityProviderServiceException,
} from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { PreTokenGenerationTriggerEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handler, MFA_CHECK_FAILED_MESSAGE } from '../../functions/identity/pre-token-generation.js';
import { resetDbForTests } from '../../shared/db/client.js';

const POOL = 'eu-west-1_Staff';
const SUB = '9a1c0d2e-0000-4000-8000-000000000001';
const cognito = mockClient(CognitoIdentityProviderClient);
const dynamo = mockClient(DynamoDBDocumentClient);

function event(groups: string[]): PreTokenGenerationTriggerEvent {
  return {
    version: '1',
    triggerSource: 'TokenGeneration_Authentication',
    region: 'eu-west-1',
    userPoolId: POOL,
    userName: SUB,
    callerContext: { awsSdkVersion: '3', clientId: 'client' },
    request: { userAttributes: { sub: SUB }, groupConfiguration: { groupsToOverride: groups } },
    response: { claimsOverrideDetails: {} },
  } as unknown as PreTokenGenerationTriggerEvent;
}

const claims = (out: PreTokenGenerationTriggerEvent) => out.response.claimsOverrideDetails?.claimsToAddOrOverride;

describe('pre-token generation: MFA for admins and sysadmins, teams claim', () => {
  beforeAll(() => {
    process.env.TABLE_NAME ??= 'test-table';
    resetDbForTests();
  });

  beforeEach(() => {
    cognito.reset();
    dynamo.reset();
    dynamo.on(GetCommand).resolves({ Item: { teamIds: ['team-east'] } });
  });

  it.each(['admin', 'sysadmin'])('marks the token of a %s without TOTP MFA for enrolment', async (group) => {
    cognito.on(AdminGetUserCommand).resolves({ Username: SUB, UserMFASettingList: [] });
    const out = await handler(event([group]));
    expect(claims(out)).toEqual({ 'custom:teams': 'team-east', 'custom:mfa_enrol': 'true' });
    expect(cognito.commandCalls(AdminGetUserCommand)[0]!.args[0].input).toEqual({ UserPoolId: POOL, Username: SUB });
  });

  it('marks an admin whose only MFA is not TOTP (the setting list lacks SOFTWARE_TOKEN_MFA)', async () => {
    cognito.on(AdminGetUserCommand).resolves({ Username: SUB, UserMFASettingList: ['SMS_MFA'] });
    expect(claims(await handler(event(['admin'])))?.['custom:mfa_enrol']).toBe('true');
  });

  it('marks an admin whose MFA setting list is absent', async () => {
    cognito.on(AdminGetUserCommand).resolves({ Username: SUB });
    expect(claims(await handler(event(['sales', 'admin'])))?.['custom:mfa_enrol']).toBe('true');
  });

  it('keeps claims another step already added, and marks on a refresh too', async () => {
    cognito.on(AdminGetUserCommand).resolves({ Username: SUB, UserMFASettingList: [] });
    const e = event(['admin']);
    (e as { triggerSource: string }).triggerSource = 'TokenGeneration_RefreshTokens';
    e.response.claimsOverrideDetails = { claimsToAddOrOverride: { locale: 'zh-CN' } };
    expect(claims(await handler(e))).toEqual({
      locale: 'zh-CN',
      'custom:teams': 'team-east',
      'custom:mfa_enrol': 'true',
    });
  });

  it('adds the claims for an admin with TOTP enrolled', async () => {
    cognito.on(AdminGetUserCommand).resolves({
      Username: SUB,
      UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
      PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
    });
    const out = await handler(event(['admin']));
    expect(claims(out)).toEqual({ 'custom:teams': 'team-east' });
  });

  it('lets a sales rep without MFA through, without asking Cognito', async () => {
    const out = await handler(event(['sales']));
    expect(claims(out)).toEqual({ 'custom:teams': 'team-east' });
    expect(cognito.commandCalls(AdminGetUserCommand)).toHaveLength(0);
  });

  it('issues no token to an admin when AdminGetUser is throttled', async () => {
    cognito.on(AdminGetUserCommand).rejects(
      new CognitoIdentityProviderServiceException({
        name: 'TooManyRequestsException',
        $fault: 'client',
        $metadata: { httpStatusCode: 429 },
        message: 'Rate exceeded',
      }),
    );
    await expect(handler(event(['sysadmin']))).rejects.toThrow(MFA_CHECK_FAILED_MESSAGE);
    expect(dynamo.commandCalls(GetCommand)).toHaveLength(0);
  });
});
