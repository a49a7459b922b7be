import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { required } from '../config.js';
import { CognitoUserDirectory } from './cognito-user-directory.js';
import { LocalUserDirectory } from './local-user-directory.js';
import type { UserDirectory } from './user-directory.js';

let directory: UserDirectory | undefined;

/**
 * The directory this deployment uses, by configuration: USER_DIRECTORY=cognito with USER_POOL_ID
 * (set by the CDK binding in AWS), or local (set by the local runtime). Built once per container.
 */
export function userDirectory(): UserDirectory {
  if (directory) return directory;
  const kind = required('USER_DIRECTORY');
  directory =
    kind === 'cognito'
      ? new CognitoUserDirectory(new CognitoIdentityProviderClient({}), required('USER_POOL_ID'))
      : new LocalUserDirectory();
  return directory;
}
