import { getSecret } from '@aws-lambda-powertools/parameters/secrets';

/**
 * A Slack credential: the plain value from the environment when running locally, otherwise the
 * Secrets Manager secret named by `<NAME>_ARN` (fetched once per cold start and cached).
 */
export const slackCredential = async (name: 'SLACK_SIGNING_SECRET' | 'SLACK_BOT_TOKEN'): Promise<string> => {
  const plain = process.env[name];
  if (plain) return plain;
  const arn = process.env[`${name}_ARN`];
  if (!arn) throw new Error(`${name} or ${name}_ARN must be set`);
  const value = await getSecret(arn, { maxAge: 900 });
  if (typeof value !== 'string' || value === '') throw new Error(`secret ${name}_ARN is empty`);
  return value;
};
