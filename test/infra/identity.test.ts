import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_DOMAIN } from '../../infra/app-settings.js';
import { manifest } from '../../infra/manifest.js';
import { ROLES } from '../../shared/auth/roles.js';
import { actionsOfFunction, buildVariantApp, resourcesOf, templateOf, VARIANT_DOMAIN } from './helpers/app.js';

// The variant app passes a real domain through context, so the callback URLs can be checked.
const template = templateOf(buildVariantApp().identity);

function pool(name: string) {
  const match = Object.values(resourcesOf(template, 'AWS::Cognito::UserPool')).find(
    (p) => p.Properties.UserPoolName === name,
  );
  if (!match) throw new Error(`No user pool ${name}`);
  return match;
}

describe('staff sign-in', () => {
  const staff = pool('cirrus-crm-staff');

  it('allows no self sign-up, signs in by e-mail and offers TOTP MFA', () => {
    expect(staff.Properties).toMatchObject({
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      UsernameAttributes: ['email'],
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      DeletionProtection: 'ACTIVE',
    });
    expect(staff.DeletionPolicy).toBe('Retain');
  });

  it('demands strong passwords', () => {
    expect(staff.Properties.Policies).toMatchObject({
      PasswordPolicy: {
        MinimumLength: 12,
        RequireLowercase: true,
        RequireUppercase: true,
        RequireNumbers: true,
        RequireSymbols: true,
      },
    });
  });

  it('has one group per role', () => {
    const groups = Object.values(resourcesOf(template, 'AWS::Cognito::UserPoolGroup')).map(
      (g) => g.Properties.GroupName,
    );
    expect(groups.sort()).toEqual([...ROLES].sort());
  });

  it('gives the SPA a public code+PKCE client with the console callback', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: Match.arrayWith(['openid', 'email', 'profile']),
      CallbackURLs: [`https://${VARIANT_DOMAIN}/app/callback`],
      LogoutURLs: [`https://${VARIANT_DOMAIN}/app/`],
      SupportedIdentityProviders: ['COGNITO'],
      AccessTokenValidity: 60,
      IdTokenValidity: 60,
      TokenValidityUnits: Match.objectLike({ AccessToken: 'minutes' }),
    });
  });

  it('lets the staff SPA client enrol TOTP with its access token (aws.cognito.signin.user.admin), not the portal one', () => {
    const clients = Object.values(template.findResources('AWS::Cognito::UserPoolClient')).map(
      (r) => r.Properties as { AllowedOAuthScopes: string[]; CallbackURLs: string[] },
    );
    const staff = clients.find((c) => c.CallbackURLs[0]!.endsWith('/app/callback'))!;
    const portal = clients.find((c) => c.CallbackURLs[0]!.endsWith('/portal/callback'))!;
    expect(staff.AllowedOAuthScopes).toContain('aws.cognito.signin.user.admin');
    expect(portal.AllowedOAuthScopes).not.toContain('aws.cognito.signin.user.admin');
  });

  it('gives the SPA (through /config.json) that scope and the hosted UI logout URL of its client', () => {
    const { staff: issuer } = buildVariantApp().identity;
    expect(issuer.scope).toBe('openid email profile aws.cognito.signin.user.admin');
    expect(issuer.logoutUrl).toContain('/logout?client_id=');
    expect(issuer.logoutUrl).toContain(`logout_uri=${encodeURIComponent(`https://${VARIANT_DOMAIN}/app/`)}`);
  });

  it('has a hosted-UI domain for each pool', () => {
    template.resourceCountIs('AWS::Cognito::UserPoolDomain', 2);
  });
});

describe('portal sign-in', () => {
  const portal = pool('cirrus-crm-portal');

  it('lets customers sign up and verifies their e-mail', () => {
    expect(portal.Properties).toMatchObject({
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
      AutoVerifiedAttributes: ['email'],
      UsernameAttributes: ['email'],
    });
  });

  it('does not let a customer write the contact they are linked to', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      CallbackURLs: [`https://${VARIANT_DOMAIN}/portal/callback`],
      WriteAttributes: Match.not(Match.arrayWith(['custom:contactId'])),
    });
  });
});

describe('defaults', () => {
  it('uses a placeholder host when no domain is passed in', () => {
    expect(PLACEHOLDER_DOMAIN).toMatch(/example\.com$/);
  });
});

describe('the teams claim', () => {
  const cirrus = buildVariantApp();
  const identity = templateOf(cirrus.identity);
  const description = manifest.functions.tokenClaims.description;

  it("runs a pre-token-generation trigger on the staff pool that adds the user's teams", () => {
    const [logicalId] = Object.entries(resourcesOf(identity, 'AWS::Lambda::Function')).find(
      ([, fn]) => fn.Properties.Description === description,
    )!;
    expect((pool('cirrus-crm-staff').Properties.LambdaConfig as Record<string, unknown>).PreTokenGeneration).toEqual({
      'Fn::GetAtt': [logicalId, 'Arn'],
    });
    expect(pool('cirrus-crm-portal').Properties.LambdaConfig).toBeUndefined();
  });

  it('lets the trigger read the table and nothing more', () => {
    const actions = actionsOfFunction(identity, description).filter((a) => a.startsWith('dynamodb:'));
    expect(actions.sort()).toEqual(['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query']);
  });

  it('lets the trigger read the MFA settings of staff-pool users, and nothing else of Cognito', () => {
    const fn = Object.values(resourcesOf(identity, 'AWS::Lambda::Function')).find(
      (f) => f.Properties.Description === description,
    )!;
    const role = (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    const actions = actionsOfFunction(identity, description).filter((a) => !a.startsWith('dynamodb:'));
    expect(actions.filter((a) => a.startsWith('cognito-idp:'))).toEqual(['cognito-idp:AdminGetUser']);
    const statements = Object.values(resourcesOf(identity, 'AWS::IAM::Policy'))
      .filter((p) => (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref === role))
      .flatMap(
        (p) => (p.Properties.PolicyDocument as { Statement: { Action: unknown; Resource: unknown }[] }).Statement,
      )
      .filter((st) => [st.Action].flat().some((a) => String(a).startsWith('cognito-idp:')));
    const [staffPoolId] = Object.entries(resourcesOf(identity, 'AWS::Cognito::UserPool')).find(
      ([, p]) => p.Properties.UserPoolName === 'cirrus-crm-staff',
    )!;
    expect(statements).toEqual([
      { Action: 'cognito-idp:AdminGetUser', Effect: 'Allow', Resource: { 'Fn::GetAtt': [staffPoolId, 'Arn'] } },
    ]);
  });

  it('keeps the staff pool MFA optional (TOTP) so admins can enrol', () => {
    expect(pool('cirrus-crm-staff').Properties).toMatchObject({
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
    });
  });
});

describe('the sign-in recorder', () => {
  const identity = templateOf(buildVariantApp().identity);
  const description = manifest.functions.signInRecorder.description;

  it('runs as the post-authentication trigger of the staff pool only', () => {
    const [logicalId] = Object.entries(resourcesOf(identity, 'AWS::Lambda::Function')).find(
      ([, fn]) => fn.Properties.Description === description,
    )!;
    expect((pool('cirrus-crm-staff').Properties.LambdaConfig as Record<string, unknown>).PostAuthentication).toEqual({
      'Fn::GetAtt': [logicalId, 'Arn'],
    });
    expect(pool('cirrus-crm-portal').Properties.LambdaConfig).toBeUndefined();
  });

  it('may only UpdateItem on the table (no reads, no indexes), and use its key through DynamoDB', () => {
    const actions = actionsOfFunction(identity, description);
    expect(actions.filter((a) => a.startsWith('dynamodb:'))).toEqual(['dynamodb:UpdateItem']);
    expect(actions.filter((a) => a.startsWith('cognito-idp:'))).toEqual([]);
    expect(actions.filter((a) => a.startsWith('kms:')).sort()).toEqual([
      'kms:Decrypt',
      'kms:DescribeKey',
      'kms:Encrypt',
      'kms:GenerateDataKey',
    ]);
  });
});
