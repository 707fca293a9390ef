/**
 * Finds markup in a message or view that its own code did not mean to put there: every `<…>`
 * entity and every `&` in the texts Slack reads as mrkdwn (mrkdwn text objects and a message's
 * fallback `text`) must be one the views build on purpose, from ids of Slack's exact shape.
 * Plain-text objects are shown literally by Slack and are not checked.
 */
export type MarkupAllowance = {
  /** Slack users the views may mention (`<@U…>`), e.g. the recorded authors. */
  readonly users?: readonly string[];
  /** User groups the views may mention (`<!subteam^S…>`), e.g. the configured on-call group. */
  readonly userGroups?: readonly string[];
  /** Channels the views may link (`<#C…>`). */
  readonly channels?: readonly string[];
  /** The frontend base URL episodes link to. */
  readonly appUrl?: string;
};

/** Every mrkdwn string of a message, modal or home view (with where it was found). */
export const mrkdwnTexts = (value: unknown, path = ''): { path: string; text: string }[] => {
  if (Array.isArray(value)) return value.flatMap((item, i) => mrkdwnTexts(item, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  const found: { path: string; text: string }[] = [];
  if (record.type === 'mrkdwn' && typeof record.text === 'string') found.push({ path, text: record.text });
  // A message's top-level fallback text is mrkdwn too.
  if (path === '' && typeof record.text === 'string') found.push({ path: 'text', text: record.text });
  for (const [key, child] of Object.entries(record))
    if (typeof child === 'object' && child !== null) found.push(...mrkdwnTexts(child, `${path}.${key}`));
  return found;
};

const DATE = /^<!date\^\d+\^[^|<>]*\|[^<>]*>$/;

/** The `<…>` entities and bare `&` of the message that are not allowed; empty when it is safe. */
export const unintendedMarkup = (value: unknown, allowed: MarkupAllowance = {}): string[] => {
  const permitted = (entity: string): boolean => {
    if (DATE.test(entity)) return true;
    const inner = entity.slice(1, -1);
    if (inner.startsWith('@')) return (allowed.users ?? []).includes(inner.slice(1));
    if (inner.startsWith('!subteam^')) return (allowed.userGroups ?? []).includes(inner.slice(9));
    if (inner.startsWith('#')) return (allowed.channels ?? []).includes(inner.slice(1));
    if (allowed.appUrl && inner.startsWith(`${allowed.appUrl}/episodes/`))
      return /^[^|<>\s]+\|EP-\d+$/.test(inner);
    return false;
  };
  const problems: string[] = [];
  for (const { path, text } of mrkdwnTexts(value)) {
    for (const entity of text.match(/<[^<>]*>?/g) ?? [])
      if (!permitted(entity)) problems.push(`${path}: ${entity.slice(0, 80)}`);
    for (const amp of text.match(/&(?!amp;|lt;|gt;)[^\s]{0,10}/g) ?? []) problems.push(`${path}: ${amp}`);
    // A lone '>' left over (an entity's end without its start) is harmless text; '<' is not.
  }
  return problems;
};
