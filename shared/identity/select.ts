import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { required } from '../config.js';
import { CognitoUserDirectory } from './cognito-user-directory.js';
import type { UserDirectory } from './user-directory.js';

let directory: UserDirectory | undefined;

/**
 * The local runtime plugs its own adapter into the port before it loads the handlers, so the
 * Lambda bundle carries only the Cognito adapter (and none of the local store's e-mail code).
 */
export function provideUserDirectory(local: UserDirectory): void {
  directory = local;
}

/** The directory of this deployment: the one provided locally, else Cognito (USER_POOL_ID, set by CDK). */
export function userDirectory(): UserDirectory {
  if (directory) return directory;
  if (required('USER_DIRECTORY') !== 'cognito') throw new Error('No user directory: USER_DIRECTORY is not cognito');
  directory = new CognitoUserDirectory(new CognitoIdentityProviderClient({}), required('USER_POOL_ID'));
  return directory;
}
