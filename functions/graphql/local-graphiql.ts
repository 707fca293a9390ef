import { graphiqlPage } from './graphiql-page.ts';
import { graphiqlWalkthrough } from './graphiql-walkthrough.ts';
import type { GraphiQLRenderer } from './yoga.ts';

/**
 * The local server's GraphiQL: assets from `assetsUrl` (no CDN), the bedside walkthrough dated
 * from the ward's calendar on every page load, and the dev token as the tab's Authorization
 * header when given. Only the local server imports this, so no Lambda bundle holds the page.
 */
export const localGraphiQL =
  (assetsUrl: string, authorization?: string): GraphiQLRenderer =>
  (options, today) =>
    graphiqlPage(assetsUrl, () => ({
      query: graphiqlWalkthrough(today),
      headers: authorization ? JSON.stringify({ Authorization: authorization }, null, 2) : undefined,
    }))(options);
