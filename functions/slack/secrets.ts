import { getSecret } from '@aws-lambda-powertools/parameters/secrets';

/** How long a secret read from Secrets Manager is reused. */
export const SECRET_MAX_AGE_SECONDS = 300;

/**
 * A Slack credential: the plain value from the environment when running locally, otherwise the
 * Secrets Manager secret named by `<NAME>_ARN`, cached for 5 minutes: a value stored after the
 * container started (first install, rotation) is used within 5 minutes.
 */
export const slackCredential = async (name: 'SLACK_SIGNING_SECRET' | 'SLACK_BOT_TOKEN'): Promise<string> => {
  const plain = process.env[name];
  if (plain) return plain;
  const arn = process.env[`${name}_ARN`];
  if (!arn) throw new Error(`${name} or ${name}_ARN must be set`);
  const value = await getSecret(arn, { maxAge: SECRET_MAX_AGE_SECONDS });
  if (typeof value !== 'string' || value === '') throw new Error(`secret ${name}_ARN is empty`);
  return value;
};
