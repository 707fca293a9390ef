import { readFileSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * Where a frame of a bundled function's stack comes from, read from the bundle's source map
 * (`index.mjs.map` beside `index.mjs`) only when an error is described. The functions run without
 * `--enable-source-maps`, which parses the whole map (about 1 MB for GraphQL) on every cold start,
 * 30–50 ms measured, for the rare request that fails. Frames of unbundled code (the local server
 * and the tests run the TypeScript sources) and bundles without a map are left as they are.
 */

const maps = new Map<string, SourceMap | undefined>();

const mapOf = (file: string): SourceMap | undefined => {
  if (!maps.has(file)) {
    let map: SourceMap | undefined;
    try {
      map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')) as SourceMapPayload);
    } catch {
      map = undefined;
    }
    maps.set(file, map);
  }
  return maps.get(file);
};

/**
 * `path:line:column` in the original source for a location in a bundle (a path or a file URL to
 * an `.mjs` file, 1-based line and column), or undefined when it is not in a bundle with a map.
 */
export const originalLocation = (location: string, line: number, column: number): string | undefined => {
  const file = location.startsWith('file://') ? fileURLToPath(location) : location;
  if (!file.endsWith('.mjs')) return undefined;
  const map = mapOf(file);
  if (!map) return undefined;
  const entry = map.findEntry(line - 1, column - 1);
  if (!('originalSource' in entry)) return undefined;
  const source = entry.originalSource.replace(/^(?:\.\.\/)+/, '');
  return `${source}:${String(entry.originalLine + 1)}:${String(entry.originalColumn + 1)}`;
};
