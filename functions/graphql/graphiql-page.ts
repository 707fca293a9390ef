import type { GraphiQLOptions } from 'graphql-yoga';

/**
 * GraphiQL that works with no internet access (hospital networks block CDNs): the page loads its
 * script, stylesheet and editor workers from `assetsUrl`, which the local server serves from the
 * installed @graphql-yoga/graphiql package.
 */
export const graphiqlPage =
  (assetsUrl: string) =>
  (options: GraphiQLOptions): string => {
    const base = assetsUrl.endsWith('/') ? assetsUrl : `${assetsUrl}/`;
    const json = JSON.stringify(options).replace(/</g, '\\u003c');
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
