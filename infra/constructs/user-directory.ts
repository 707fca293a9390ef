import { Duration } from 'aws-cdk-lib';
import {
  AccountRecovery,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  UserPool,
  type UserPoolClient,
  UserPoolGroup,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import type { StageConfig } from '../config/stage-config.ts';
import { removalPolicyOf, retainsData } from './removal.ts';

/**
 * Role groups the stack creates; resolvers take the highest role among a user's `role:<role>`
 * groups from the `cognito:groups` claim. Team groups (`team:<teamId>`) are data, created by an
 * administrator per on-call team (see the README, Deploy).
 */
export const roleGroups = [
  {
    groupName: 'role:clinician',
    precedence: 10,
    description: 'Clinicians: record, grade, dose and acknowledge alerts',
  },
  {
    groupName: 'role:nurse',
    precedence: 20,
    description: 'Nurses: record vital signs and neurological assessments',
  },
  { groupName: 'role:viewer', precedence: 30, description: 'Read-only access to their teams’ episodes' },
] as const;

/**
 * The Cognito user pool of the clinical staff who use the GraphQL API: accounts are created by
 * an administrator only (no self sign-up), MFA with an authenticator app is required, passwords
 * are long and complex, and threat protection blocks risky sign-ins. One app client for the
 * frontend (public, SRP; no OAuth hosted UI) is the audience of the API's JWT authorizer.
 */
export class UserDirectory extends Construct {
  readonly userPool: UserPool;
  readonly appClient: UserPoolClient;

  constructor(scope: Construct, id: string, config: StageConfig) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      standardAttributes: { email: { required: true, mutable: true } },
      autoVerify: { email: true },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        passwordHistorySize: 5,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      userInvitation: {
        emailSubject: `CAR-T on-call (${config.stage}): your account`,
        emailBody:
          'Your CAR-T on-call account is ready. User name: {username}. Temporary password: {####}. ' +
          'You will be asked to set a new password and an authenticator app at first sign-in.',
      },
      deletionProtection: retainsData(config),
      removalPolicy: removalPolicyOf(config),
    });

    this.appClient = this.userPool.addClient('WebClient', {
      generateSecret: false,
      authFlows: { userSrp: true, userPassword: config.allowPasswordAuth },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    });

    for (const group of roleGroups) {
      new UserPoolGroup(this, group.groupName.replace('role:', 'Role-'), {
        userPool: this.userPool,
        ...group,
      });
    }
  }
}
