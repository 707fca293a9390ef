import { badArgument } from './errors.ts';

/** Relay connection arguments as the relay plugin passes them. */
export type ConnectionArgs = {
  readonly first?: number | null | undefined;
  readonly last?: number | null | undefined;
  readonly after?: string | null | undefined;
  readonly before?: string | null | undefined;
};

export type ConnectionPage<T> = {
  readonly edges: { readonly cursor: string; readonly node: T }[];
  readonly pageInfo: {
    readonly hasNextPage: boolean;
    readonly hasPreviousPage: boolean;
    readonly startCursor: string | null;
    readonly endCursor: string | null;
  };
};

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

const pageSize = (name: 'first' | 'last', value: number | null | undefined): number | undefined => {
  if (value == null) return undefined;
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE)
    throw badArgument(name, `a whole number from 0 to ${MAX_PAGE_SIZE}`, value);
  return value;
};

/**
 * One page of a list already in memory (an episode's records, newest first), with each item's own
 * id as its cursor, so a cursor stays valid while new records arrive. Without `first` or `last`
 * the first page holds DEFAULT_PAGE_SIZE items. An unknown cursor is a bad argument.
 */
export const sliceConnection = <T>(
  items: readonly T[],
  args: ConnectionArgs,
  cursorOf: (item: T) => string,
): ConnectionPage<T> => {
  const first = pageSize('first', args.first);
  const last = pageSize('last', args.last);
  const indexOf = (name: 'after' | 'before', cursor: string): number => {
    const index = items.findIndex((item) => cursorOf(item) === cursor);
    if (index < 0) throw badArgument(name, 'a cursor from this connection', cursor);
    return index;
  };
  let start = args.after == null ? 0 : indexOf('after', args.after) + 1;
  let end = args.before == null ? items.length : indexOf('before', args.before);
  if (end < start) end = start;
  const afterStart = start;
  const beforeEnd = end;
  if (first !== undefined) end = Math.min(end, start + first);
  if (last !== undefined) start = Math.max(start, end - last);
  if (first === undefined && last === undefined) end = Math.min(end, start + DEFAULT_PAGE_SIZE);
  const page = items.slice(start, end);
  const edges = page.map((node) => ({ cursor: cursorOf(node), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: end < beforeEnd || (args.before != null && beforeEnd < items.length),
      hasPreviousPage: start > afterStart || (args.after != null && afterStart > 0),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
};
