import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** GraphiQL's files, served from the installed @graphql-yoga/graphiql package (no CDN). */
const GRAPHIQL_FILES: Readonly<Record<string, string>> = {
  'graphiql.css': 'text/css; charset=utf-8',
  'yoga-graphiql.umd.js': 'text/javascript; charset=utf-8',
  'monacoeditorwork/editor.worker.bundle.js': 'text/javascript; charset=utf-8',
  'monacoeditorwork/json.worker.bundle.js': 'text/javascript; charset=utf-8',
  'monacoeditorwork/graphql.worker..bundle.js': 'text/javascript; charset=utf-8',
};

export const GRAPHIQL_ASSETS_PATH = '/graphiql/';

const graphiqlDist = (): string => {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@graphql-yoga/graphiql')), '.');
};

/** The asset for a path under /graphiql/, or undefined when the path is not one of GraphiQL's files. */
export const graphiqlAsset = async (
  pathname: string,
): Promise<{ readonly body: Buffer; readonly contentType: string } | undefined> => {
  if (!pathname.startsWith(GRAPHIQL_ASSETS_PATH)) return undefined;
  const file = pathname.slice(GRAPHIQL_ASSETS_PATH.length);
  const contentType = GRAPHIQL_FILES[file];
  if (!contentType) return undefined;
  return { body: await readFile(join(graphiqlDist(), file)), contentType };
};
