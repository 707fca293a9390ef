import type { Language } from '#rules';
import type { FieldSpec } from '../parser/fields.ts';

/** What the error handler needs to word a reply: the channel's language and the subcommand's fields. */
export type ReplyContext = { readonly language: Language; readonly fields: readonly FieldSpec[] };

const contexts = new WeakMap<object, ReplyContext>();

/** Set by a listener as soon as it knows (Bolt's context object is shared by middleware and listener). */
export const setReplyContext = (context: object, value: ReplyContext): void => {
  contexts.set(context, value);
};

export const replyContextOf = (context: object): ReplyContext =>
  contexts.get(context) ?? { language: 'en', fields: [] };
