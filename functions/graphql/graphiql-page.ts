import type { GraphiQLOptions } from 'graphql-yoga';

/** What GraphiQL opens with: the editor's text and the request headers of that tab. */
export type GraphiQLStart = {
  /** The operations in the editor, every time the page is opened. */
  readonly query: string;
  /** The headers editor's JSON (e.g. the local dev token), every time the page is opened. */
  readonly headers?: string | undefined;
};

/**
 * The props the @graphql-yoga/graphiql bundle renders with. Its component always passes
 * GraphiQL an `initialQuery` (its own welcome text unless `query` is set), which outranks
 * `defaultQuery` and `defaultTabs`: yoga's documented `defaultQuery` option is never shown.
 * `query` and `initialHeaders` open a tab with exactly this text, beside any tabs GraphiQL
 * kept in the browser's storage from earlier visits (whose headers may hold an expired token).
 */
export const graphiqlProps = (options: GraphiQLOptions, start: GraphiQLStart): Record<string, unknown> => ({
  ...options,
  query: start.query,
  ...(start.headers === undefined ? {} : { headers: start.headers, initialHeaders: start.headers }),
});

/**
 * GraphiQL that works with no internet access (hospital networks block CDNs): the page loads its
 * script, stylesheet and editor workers from `assetsUrl`, which the local server serves from the
 * installed @graphql-yoga/graphiql package. `start` is read on every page load.
 */
export const graphiqlPage =
  (assetsUrl: string, start: () => GraphiQLStart) =>
  (options: GraphiQLOptions): string => {
    const base = assetsUrl.endsWith('/') ? assetsUrl : `${assetsUrl}/`;
    const json = JSON.stringify(graphiqlProps(options, start())).replace(/</g, '\\u003c');
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<title>${escapeHtml(options.title ?? 'GraphiQL')}</title>
<link rel="stylesheet" href="${base}graphiql.css" />
</head>
<body id="body" class="no-focus-outline">
<noscript>GraphiQL needs JavaScript.</noscript>
<div id="root">Loading GraphiQL…</div>
<script>
const workerUrls = {
  editorWorkerService: '${base}monacoeditorwork/editor.worker.bundle.js',
  json: '${base}monacoeditorwork/json.worker.bundle.js',
  graphql: '${base}monacoeditorwork/graphql.worker..bundle.js',
};
self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: (_id, label) => workerUrls[label] };
</script>
<script src="${base}yoga-graphiql.umd.js"></script>
<script>YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), ${json});</script>
</body>
</html>`;
  };

const escapeHtml = (value: string): string =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
