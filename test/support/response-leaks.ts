/**
 * What a response body must never show a caller: stack frames, source paths, AWS and DynamoDB
 * error names, the server's own exception classes. A match that is only the caller's own input
 * echoed back (a refused value quoted in a validation message) is not a leak.
 */
const LEAKS: readonly { readonly name: string; readonly pattern: RegExp }[] = [
  { name: 'stack frame', pattern: /\bat (?:async )?[\w$.<>[\]]+ \(|\n\s+at [\w$.<>]+/g },
  { name: 'stack property', pattern: /"stack"\s*:/g },
  {
    name: 'source path',
    pattern: /(?:\/(?:work|home|tmp|var|usr|opt|root)\/[\w.-]+|file:\/\/\/|[\w-]+\.(?:ts|js|mjs|cjs):\d+)/g,
  },
  { name: 'node_modules', pattern: /node_modules/g },
  {
    name: 'AWS or DynamoDB error',
    pattern:
      /\b(?:DynamoDB|aws-sdk|@aws-sdk|\$metadata|ConditionalCheckFailed\w*|TransactionCanceled\w*|TransactionConflict\w*|ProvisionedThroughputExceeded\w*|ResourceNotFoundException|ValidationException|ThrottlingException|RequestLimitExceeded|ItemCollectionSizeLimitExceeded|UnrecognizedClientException|AccessDeniedException|ServiceUnavailable\w*Exception)\b/g,
  },
  {
    name: 'internal exception class',
    pattern:
      /\b(?:WriteRefusedError|EpisodeValidationError|DoseRefusedError|EpisodeNotFoundError|EpisodeConflictError|EpisodeForbiddenError|IdempotencyConflictError|StoreUnavailableError|RulesInputError|CommandInputError|UnmappedChannelError|SlackCallError|ZodError|TypeError|RangeError|ReferenceError|SyntaxError|GraphQLError|PothosSchemaError)\b/g,
  },
];

/** The leaks in `body`, as `name: match`; matches also found in `sent` (an echo) do not count. */
export const leaksIn = (body: string, sent: string): string[] => {
  const found: string[] = [];
  for (const { name, pattern } of LEAKS)
    for (const match of body.matchAll(pattern))
      if (!sent.includes(match[0])) found.push(`${name}: ${match[0].slice(0, 80)}`);
  return found;
};
