import { Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { StageConfig } from '../config/stage-config.ts';
import type { CartFunction } from './cart-function.ts';
import { removalPolicyOf } from './removal.ts';

export type SlackCredential = 'signingSecret' | 'botToken';

/** The environment variable through which a function learns each secret's ARN. */
export const slackCredentialEnv: Readonly<Record<SlackCredential, string>> = {
  signingSecret: 'SLACK_SIGNING_SECRET_ARN',
  botToken: 'SLACK_BOT_TOKEN_ARN',
};

const rotationReasons: Readonly<Record<SlackCredential, string>> = {
  signingSecret:
    'Slack issues the signing secret in the app settings and offers no API to regenerate it, so no rotation function can rotate it; it is regenerated in Slack and stored with put-secret-value (docs/slack-app.md).',
  botToken:
    'The bot token is issued by Slack when the app is installed; rotating it needs Slack OAuth token rotation (refresh tokens) which this single-workspace app does not enable. It is revoked and reinstalled in Slack and stored with put-secret-value (docs/slack-app.md).',
};

/**
 * The Slack app's signing secret and bot token, encrypted with the stage's secrets key. The stack
 * creates them with random placeholder values (signature checks fail closed until an administrator
 * stores the real values); functions fetch them at run time by ARN.
 */
export class SlackCredentials extends Construct {
  readonly secrets: Readonly<Record<SlackCredential, Secret>>;
  readonly #key: IKey;

  constructor(
    scope: Construct,
    id: string,
    props: { readonly config: StageConfig; readonly encryptionKey: IKey },
  ) {
    super(scope, id);
    this.#key = props.encryptionKey;
    const secret = (credential: SlackCredential, secretId: string, description: string): Secret => {
      const created = new Secret(this, secretId, {
        description: `CAR-T on-call ${props.config.stage}: ${description}`,
        encryptionKey: props.encryptionKey,
        removalPolicy: removalPolicyOf(props.config),
      });
      for (const id of ['AwsSolutions-SMG4', 'HIPAA.Security-SecretsManagerRotationEnabled']) {
        Validations.of(created).acknowledge({ id, reason: rotationReasons[credential] });
      }
      return created;
    };
    this.secrets = {
      signingSecret: secret(
        'signingSecret',
        'SigningSecret',
        'Slack signing secret (verifies requests from Slack)',
      ),
      botToken: secret('botToken', 'BotToken', 'Slack bot token (xoxb-, posts to channels)'),
    };
  }

  /** Lets the function read exactly these secrets (and decrypt them only through Secrets Manager). */
  grantRead(fn: CartFunction, ...credentials: SlackCredential[]): void {
    const arns = credentials.map((credential) => this.secrets[credential].secretArn);
    fn.role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: arns }),
    );
    fn.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['kms:Decrypt'],
        resources: [this.#key.keyArn],
        conditions: {
          StringEquals: { 'kms:ViaService': `secretsmanager.${Stack.of(this).region}.amazonaws.com` },
        },
      }),
    );
    for (const credential of credentials) {
      fn.addEnvironment(slackCredentialEnv[credential], this.secrets[credential].secretArn);
    }
  }
}
