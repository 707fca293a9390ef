import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, sliceConnection } from './episode-connection.ts';

/** Items newest first, each its own cursor (as episode records are). */
const items = Array.from({ length: 30 }, (_, i) => `r${String(29 - i).padStart(2, '0')}`);
const slice = (args: Parameters<typeof sliceConnection>[1]) => sliceConnection(items, args, (item) => item);
const nodes = (args: Parameters<typeof sliceConnection>[1]) => slice(args).edges.map((e) => e.node);

describe('sliceConnection', () => {
  it('gives the first page of DEFAULT_PAGE_SIZE without first or last', () => {
    const page = slice({});
    expect(page.edges).toHaveLength(DEFAULT_PAGE_SIZE);
    expect(page.edges[0]).toEqual({ cursor: 'r29', node: 'r29' });
    expect(page.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: 'r29',
      endCursor: 'r10',
    });
  });

  it('pages forward with first/after, the cursor being the item id', () => {
    expect(nodes({ first: 3 })).toEqual(['r29', 'r28', 'r27']);
    expect(nodes({ first: 3, after: 'r27' })).toEqual(['r26', 'r25', 'r24']);
    const end = slice({ first: 3, after: 'r02' });
    expect(end.edges.map((e) => e.node)).toEqual(['r01', 'r00']);
    expect(end.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('pages backward with last/before', () => {
    const page = slice({ last: 2, before: 'r25' });
    expect(page.edges.map((e) => e.node)).toEqual(['r27', 'r26']);
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    expect(slice({ last: 2, before: 'r28' }).pageInfo).toMatchObject({ hasPreviousPage: false });
    expect(nodes({ last: 2 })).toEqual(['r01', 'r00']);
  });

  it('knows there is no next page when the page ends exactly at the last item', () => {
    expect(slice({ first: 30 }).pageInfo.hasNextPage).toBe(false);
    expect(slice({ first: 29 }).pageInfo.hasNextPage).toBe(true);
  });

  it('accepts 0 and MAX_PAGE_SIZE, refuses -1 and MAX_PAGE_SIZE + 1', () => {
    expect(slice({ first: 0 }).edges).toEqual([]);
    expect(slice({ first: MAX_PAGE_SIZE }).edges).toHaveLength(30);
    expect(() => slice({ first: -1 })).toThrow('first must be a whole number from 0 to 100; received -1');
    expect(() => slice({ last: MAX_PAGE_SIZE + 1 })).toThrow(
      'last must be a whole number from 0 to 100; received 101',
    );
  });

  it('refuses a cursor that is not in the connection', () => {
    expect(() => slice({ after: 'nope' })).toThrow(
      'after must be a cursor from this connection; received "nope"',
    );
    expect(() => slice({ before: 'nope' })).toThrow(/before must be a cursor/);
  });

  it('is empty when after comes at or after before', () => {
    expect(slice({ after: 'r20', before: 'r22' }).edges).toEqual([]);
  });
});
