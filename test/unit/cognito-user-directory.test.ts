import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  CognitoIdentityProviderServiceException,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/domain/common/errors.js';
import { statusOf } from '../../shared/http/error-status.js';
import { CognitoUserDirectory } from '../../shared/identity/cognito-user-directory.js';

const POOL = 'eu-west-1_Staff';
const SUB = '9a1c0d2e-0000-4000-8000-000000000001';
const cognito = mockClient(CognitoIdentityProviderClient);
const directory = () => new CognitoUserDirectory(new CognitoIdentityProviderClient({ region: 'eu-west-1' }), POOL);

function awsError(name: string): CognitoIdentityProviderServiceException {
  return new CognitoIdentityProviderServiceException({ name, $fault: 'client', $metadata: {}, message: name });
}

async function failureOf(run: () => Promise<unknown>): Promise<AppError> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

beforeEach(() => {
  cognito.reset();
});

describe('CognitoUserDirectory', () => {
  it('invites with AdminCreateUser (Cognito e-mails the temporary password) and puts the user in the role group', async () => {
    cognito.on(AdminCreateUserCommand).resolves({ User: { Username: SUB, Attributes: [{ Name: 'sub', Value: SUB }] } });
    cognito.on(AdminListGroupsForUserCommand).resolves({ Groups: [] });
    cognito.on(AdminAddUserToGroupCommand).resolves({});

    expect(await directory().invite('ann@example.com', 'Ann Lee', 'sales')).toBe(SUB);

    const create = cognito.commandCalls(AdminCreateUserCommand)[0]!.args[0].input;
    expect(create).toMatchObject({ UserPoolId: POOL, Username: 'ann@example.com', DesiredDeliveryMediums: ['EMAIL'] });
    expect(create.UserAttributes).toContainEqual({ Name: 'name', Value: 'Ann Lee' });
    expect(create.MessageAction).toBeUndefined();
    expect(cognito.commandCalls(AdminAddUserToGroupCommand)[0]!.args[0].input).toEqual({
      UserPoolId: POOL,
      Username: SUB,
      GroupName: 'sales',
    });
  });

  it('changes a role by adding the new group before removing the old ones', async () => {
    cognito.on(AdminListGroupsForUserCommand).resolves({ Groups: [{ GroupName: 'sales' }, { GroupName: 'support' }] });
    cognito.on(AdminAddUserToGroupCommand).resolves({});
    cognito.on(AdminRemoveUserFromGroupCommand).resolves({});

    await directory().setRole(SUB, 'manager');

    const order = cognito.calls().map((c) => c.args[0].constructor.name);
    expect(order).toEqual([
      'AdminListGroupsForUserCommand',
      'AdminAddUserToGroupCommand',
      'AdminRemoveUserFromGroupCommand',
      'AdminRemoveUserFromGroupCommand',
    ]);
    const removed = cognito.commandCalls(AdminRemoveUserFromGroupCommand).map((c) => c.args[0].input.GroupName);
    expect(removed).toEqual(['sales', 'support']);
  });

  it('leaves a user who already has the role alone', async () => {
    cognito.on(AdminListGroupsForUserCommand).resolves({ Groups: [{ GroupName: 'sales' }] });
    await directory().setRole(SUB, 'sales');
    expect(cognito.commandCalls(AdminAddUserToGroupCommand)).toHaveLength(0);
    expect(cognito.commandCalls(AdminRemoveUserFromGroupCommand)).toHaveLength(0);
  });

  it('disables the user and signs them out everywhere (refresh tokens revoked); enables them again', async () => {
    cognito.on(AdminDisableUserCommand).resolves({});
    cognito.on(AdminUserGlobalSignOutCommand).resolves({});
    cognito.on(AdminEnableUserCommand).resolves({});
    await directory().disable(SUB);
    await directory().enable(SUB);
    expect(cognito.commandCalls(AdminDisableUserCommand)[0]!.args[0].input).toEqual({
      UserPoolId: POOL,
      Username: SUB,
    });
    expect(cognito.commandCalls(AdminUserGlobalSignOutCommand)).toHaveLength(1);
    expect(cognito.commandCalls(AdminEnableUserCommand)[0]!.args[0].input).toEqual({ UserPoolId: POOL, Username: SUB });
  });

  it.each([
    ['UsernameExistsException', 409, 'user.email_taken'],
    ['TooManyRequestsException', 503, 'service.unavailable'],
  ])('maps %s on invite to %i', async (name, status, code) => {
    cognito.on(AdminCreateUserCommand).rejects(awsError(name));
    const error = await failureOf(() => directory().invite('ann@example.com', 'Ann', 'sales'));
    expect({ status: statusOf(error.kind), code: error.code }).toEqual({ status, code });
    expect(cognito.commandCalls(AdminAddUserToGroupCommand)).toHaveLength(0);
  });

  it.each([
    ['UserNotFoundException', 404, 'user.not_found'],
    ['TooManyRequestsException', 503, 'service.unavailable'],
  ])('maps %s on disable to %i', async (name, status, code) => {
    cognito.on(AdminDisableUserCommand).rejects(awsError(name));
    const error = await failureOf(() => directory().disable(SUB));
    expect({ status: statusOf(error.kind), code: error.code }).toEqual({ status, code });
  });

  it('maps UserNotFoundException on a role change to 404', async () => {
    cognito.on(AdminListGroupsForUserCommand).rejects(awsError('UserNotFoundException'));
    expect(statusOf((await failureOf(() => directory().setRole(SUB, 'admin'))).kind)).toBe(404);
  });

  it('lets an unexpected Cognito error through unchanged (a bare 500, nothing revealed)', async () => {
    cognito.on(AdminEnableUserCommand).rejects(awsError('InternalErrorException'));
    const error = await directory()
      .enable(SUB)
      .catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(AppError);
    expect((error as Error).name).toBe('InternalErrorException');
  });
});
