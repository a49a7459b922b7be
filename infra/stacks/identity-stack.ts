import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  UserPoolOperation,
  type UserPoolProps,
  VerificationEmailStyle,
} from 'aws-cdk-lib/aws-cognito';
import { Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { ROLES } from '../../shared/auth/roles.js';
import type { AppSettings } from '../app-settings.js';
import { bindTable, type TableBinding } from '../constructs/bindings.js';
import { CrmFunction } from '../constructs/crm-function.js';
import { acknowledge } from '../constructs/nag.js';
import { hostedUiPrefix, type OidcIssuer, SpaSignIn } from '../constructs/spa-sign-in.js';
import type { IdentityTriggerDecl, Manifest } from '../manifest.types.js';

export interface IdentityStackProps extends StackProps {
  readonly service: string;
  /** Host the SPA is served from (context `cirrus:domainName`), for callback URLs. */
  readonly appDomain: string;
  /** The manifest's user pool triggers and their functions (built here, next to the pools). */
  readonly manifest?: Pick<Manifest, 'service' | 'functions' | 'identityTriggers'>;
  readonly settings?: AppSettings;
  /** The table, for triggers that read it (the teams claim reads the staff profile). */
  readonly table?: TableBinding;
}

const TRIGGER_OPERATIONS: Record<IdentityTriggerDecl['trigger'], UserPoolOperation> = {
  preTokenGeneration: UserPoolOperation.PRE_TOKEN_GENERATION,
  postAuthentication: UserPoolOperation.POST_AUTHENTICATION,
};

/** Settings both pools share: e-mail is the user name, strong passwords, nothing is lost on delete. */
const COMMON_POOL: UserPoolProps = {
  signInAliases: { email: true },
  signInCaseSensitive: false,
  autoVerify: { email: true },
  standardAttributes: { email: { required: true, mutable: true } },
  passwordPolicy: {
    minLength: 12,
    requireLowercase: true,
    requireUppercase: true,
    requireDigits: true,
    requireSymbols: true,
    tempPasswordValidity: Duration.days(3),
  },
  accountRecovery: AccountRecovery.EMAIL_ONLY,
  deletionProtection: true,
  removalPolicy: RemovalPolicy.RETAIN,
};

/**
 * Sign-in for the two kinds of people: staff (console, one Cognito group per role, accounts made
 * by an admin) and customers (portal, self sign-up, each linked to one contact).
 */
export class IdentityStack extends Stack {
  readonly staffPool: UserPool;
  readonly portalPool: UserPool;
  readonly staff: OidcIssuer;
  readonly portal: OidcIssuer;

  constructor(scope: Construct, id: string, props: IdentityStackProps) {
    super(scope, id, props);

    this.staffPool = new UserPool(this, 'StaffPool', {
      ...COMMON_POOL,
      userPoolName: `${props.service}-staff`,
      // Staff accounts are created by an admin, never by sign-up.
      selfSignUpEnabled: false,
      // TOTP only (SMS can be hijacked). OPTIONAL so that anyone can enrol; admins and sysadmins
      // must, which the pre-token-generation trigger enforces (Cognito can only require MFA for a
      // whole pool): until TOTP is set up their token is marked custom:mfa_enrol and opens only
      // the enrolment routes (shared/identity/mfa.ts).
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      // Staff see every customer: compromised-credential and risky sign-in protection pays here.
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
    });
    acknowledge(
      this.staffPool,
      'AwsSolutions-COG2',
      'Cognito cannot require MFA for some groups only. TOTP is optional for the pool and required for admin and sysadmin: the pre-token-generation trigger marks their tokens custom:mfa_enrol until a TOTP authenticator is enrolled, and the API then answers only the enrolment routes (functions/identity/pre-token-generation.ts, shared/identity/mfa.ts).',
    );
    ROLES.forEach((role, precedence) => {
      new CfnUserPoolGroup(this, `Group-${role}`, {
        userPoolId: this.staffPool.userPoolId,
        groupName: role,
        description: `Cirrus CRM role ${role}`,
        // Lower wins when a user is in several groups; ROLES lists the most privileged first.
        precedence,
      });
    });
    this.staff = new SpaSignIn(this, 'StaffSignIn', {
      userPool: this.staffPool,
      domainPrefix: hostedUiPrefix(props.service, 'staff'),
      appDomain: props.appDomain,
      basePath: '/app',
      // Staff enrol TOTP from the console with their own access token.
      selfService: true,
      // One working day: a stolen refresh token is useful for hours, not weeks.
      refreshTokenValidity: Duration.hours(12),
    }).issuer;

    this.portalPool = new UserPool(this, 'PortalPool', {
      ...COMMON_POOL,
      userPoolName: `${props.service}-portal`,
      selfSignUpEnabled: true,
      userVerification: { emailStyle: VerificationEmailStyle.CODE },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      // Set by the back office when an account is linked to a contact; clients cannot write it.
      customAttributes: { contactId: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }) },
      featurePlan: FeaturePlan.ESSENTIALS,
    });
    acknowledge(
      this.portalPool,
      'AwsSolutions-COG2',
      'Customers may enrol TOTP but are not forced to: a portal user only sees their own tickets and preferences, and mandatory MFA would keep customers out of support.',
    );
    acknowledge(
      this.portalPool,
      'AwsSolutions-COG8',
      'Plus tier is billed per monthly active user and the portal may have many occasional customers; the portal exposes only the records of the signed-in customer, so Essentials is the cost/risk balance. Staff pool is on Plus.',
    );
    this.portal = new SpaSignIn(this, 'PortalSignIn', {
      userPool: this.portalPool,
      domainPrefix: hostedUiPrefix(props.service, 'portal'),
      appDomain: props.appDomain,
      basePath: '/portal',
      refreshTokenValidity: Duration.days(30),
      writeAttributes: new ClientAttributes().withStandardAttributes({
        email: true,
        fullname: true,
        phoneNumber: true,
        preferredUsername: true,
        locale: true,
      }),
    }).issuer;

    this.addTriggers(props);

    new CfnOutput(this, 'StaffIssuer', { value: this.staff.issuerUrl });
    new CfnOutput(this, 'StaffClientId', { value: this.staff.clientId });
    new CfnOutput(this, 'StaffHostedUi', { value: this.staff.hostedUiUrl });
    new CfnOutput(this, 'PortalIssuer', { value: this.portal.issuerUrl });
    new CfnOutput(this, 'PortalClientId', { value: this.portal.clientId });
  }

  /** Each manifest trigger: its function (with the grants it declares) attached to its pool. */
  private addTriggers(props: IdentityStackProps): void {
    const { manifest, settings, table } = props;
    for (const trigger of manifest?.identityTriggers ?? []) {
      if (!settings) throw new Error('Identity triggers need the app settings');
      const decl = manifest!.functions[trigger.function];
      if (!decl) throw new Error(`Manifest refers to unknown function "${trigger.function}"`);
      const fn = new CrmFunction(this, `Fn-${trigger.function}`, {
        functionId: trigger.function,
        decl,
        service: manifest!.service,
        version: settings.version,
        logRetention: settings.logRetention,
        projectRoot: settings.projectRoot,
        appUrl: `https://${settings.domainName}`,
      });
      if (decl.grants.table) {
        if (!table) throw new Error(`${trigger.function} needs the table`);
        bindTable(fn, table, decl.grants.table);
      }
      const pool = trigger.pool === 'staff' ? this.staffPool : this.portalPool;
      pool.addTrigger(TRIGGER_OPERATIONS[trigger.trigger], fn.fn);
      if (trigger.pool === 'staff' && trigger.trigger === 'preTokenGeneration') {
        // The MFA check of admins and sysadmins reads the user's MFA settings. A policy of its own,
        // not the role's default policy: the function depends on its default policy and the pool on
        // the function (its trigger), so the pool's ARN there would be a cycle; nothing depends on
        // this policy, so it can name exactly the staff pool.
        new Policy(this, `Fn-${trigger.function}-MfaCheck`, {
          roles: [fn.fn.role!],
          statements: [
            new PolicyStatement({ actions: ['cognito-idp:AdminGetUser'], resources: [this.staffPool.userPoolArn] }),
          ],
        });
      }
    }
  }
}
