import type { Context } from 'aws-lambda';
import { createDocumentClient } from '../episodes/dynamodb-client.ts';
import type { DigestOutcome } from '../episodes/handoff-digest.ts';
import { logger } from '../shared/logger.ts';
import { once } from '../shared/once.ts';
import { digestDepsFrom, runHandoffDigests } from './digest-run.ts';

const deps = once(() => digestDepsFrom(process.env, createDocumentClient(process.env.DYNAMODB_ENDPOINT)));

/**
 * HANDOFF-1, scheduled (every 5 minutes): each team whose handoff time has come gets its shift
 * handoff digest in its channel, once per slot (a conditional marker guards the slot, so a repeated
 * or overlapping run posts nothing twice). Its own function, beside the sweeper, so the sweeper
 * carries neither the episode service nor the handoff's rules and views.
 */
export const handler = async (_event: unknown, context: Context): Promise<DigestOutcome[]> => {
  const digests = await runHandoffDigests(deps(), new Date());
  for (const digest of digests)
    logger[digest.outcome === 'failed' ? 'warn' : 'info']('handoff digest', {
      requestId: context.awsRequestId,
      ...digest,
    });
  return digests;
};
