import { describe, expect, it } from 'vitest';
import { manifest } from '../../infra/manifest.js';
import { type FunctionDecl, identityTriggerFunctions } from '../../infra/manifest.types.js';
import { actionsOfFunction, buildTestApp, resourcesOf, templateOf } from './helpers/app.js';

const cirrus = buildTestApp();
const template = templateOf(cirrus.functions);
// User pool triggers live in the identity stack (test/infra/identity.test.ts checks theirs).
const triggers = identityTriggerFunctions(manifest);
const functions = (Object.entries(manifest.functions) as [string, FunctionDecl][]).filter(([id]) => !triggers.has(id));

/** The statements of the policies that mention an action of cognito-idp. */
function cognitoStatements(): { Action: string | string[]; Resource: unknown }[] {
  return Object.values(resourcesOf(template, 'AWS::IAM::Policy')).flatMap((policy) => {
    const doc = policy.Properties.PolicyDocument as { Statement: { Action: string | string[]; Resource: unknown }[] };
    return doc.Statement.filter((s) => [s.Action].flat().some((a) => a.startsWith('cognito-idp:')));
  });
}

describe('user administration in AWS: the Cognito admin API on the staff pool only', () => {
  it('gives the users function the directory configuration: Cognito and the staff pool id', () => {
    const fn = Object.values(resourcesOf(template, 'AWS::Lambda::Function')).find(
      (f) => f.Properties.Description === manifest.functions.users.description,
    );
    if (!fn) throw new Error('No Lambda for the users function');
    const env = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(env.USER_DIRECTORY).toBe('cognito');
    expect(JSON.stringify(env.USER_POOL_ID)).toMatch(/StaffPool/);
  });

  it('grants exactly the admin actions the adapter calls, on the staff pool and nothing else', () => {
    const statements = cognitoStatements();
    expect(statements).toHaveLength(1);
    expect([statements[0]!.Action].flat().sort()).toEqual([
      'cognito-idp:AdminAddUserToGroup',
      'cognito-idp:AdminCreateUser',
      'cognito-idp:AdminDisableUser',
      'cognito-idp:AdminEnableUser',
      'cognito-idp:AdminListGroupsForUser',
      'cognito-idp:AdminRemoveUserFromGroup',
      'cognito-idp:AdminUserGlobalSignOut',
    ]);
    const resource = JSON.stringify(statements[0]!.Resource);
    expect(resource).toMatch(/StaffPool/);
    expect(resource).not.toMatch(/PortalPool|\*/);
  });

  it.each(functions.filter(([, d]) => !d.grants.userDirectory))('gives %s no Cognito action', (_id, decl) => {
    expect(actionsOfFunction(template, decl.description).filter((a) => a.startsWith('cognito-idp:'))).toEqual([]);
  });
});
