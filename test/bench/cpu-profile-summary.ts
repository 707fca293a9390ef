/**
 * Where a cold start spends its time: a V8 CPU profile (`node --cpu-prof`) of one fresh process,
 * its self time summed by owner. Code of the bundle is traced back through the bundle's source map
 * to the package (or repository folder) it came from; modules loaded from node_modules at run time
 * (the AWS SDK, which Lambda provides) by their package; V8's own buckets as they are named.
 */
import { readFileSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import { fileURLToPath } from 'node:url';

type ProfileNode = {
  readonly id: number;
  readonly callFrame: {
    readonly functionName: string;
    readonly url: string;
    readonly lineNumber: number;
    readonly columnNumber: number;
  };
  readonly children?: readonly number[];
};

type CpuProfile = {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
};

/** The package of a path under node_modules (`pkg` or `@scope/pkg`), else its repository folder. */
export const ownerOfPath = (path: string): string => {
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(path);
  if (inPackage?.[1]) return inPackage[1];
  const repositoryFolder = /(?:^|\/)(rules|schema|functions|slack-bot|test)\//.exec(path);
  return repositoryFolder?.[1] ? `${repositoryFolder[1]}/` : path;
};

export type ProfileShare = { readonly owner: string; readonly ms: number };

/**
 * Time by owner, largest first: each sample goes to the innermost frame on its stack that belongs
 * to a package or a repository folder, so Node's module loader and compiler count for the code
 * that required them (a CommonJS `require` inside the AWS SDK counts for the SDK); samples with no
 * such frame go to V8's and Node's own buckets. `bundleFile` is the bundle's path; its `.map`
 * beside it attributes the bundle's code.
 */
export const summariseProfile = (profileFile: string, bundleFile: string): ProfileShare[] => {
  const profile = JSON.parse(readFileSync(profileFile, 'utf8')) as CpuProfile;
  const sourceMap = new SourceMap(JSON.parse(readFileSync(`${bundleFile}.map`, 'utf8')) as SourceMapPayload);
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const ownerOfNode = new Map<number, string>();
  const ownerOf = (nodeId: number): string => {
    const known = ownerOfNode.get(nodeId);
    if (known !== undefined) return known;
    let owner: string | undefined;
    for (let id: number | undefined = nodeId; id !== undefined && owner === undefined; id = parents.get(id)) {
      const frame = nodes.get(id)?.callFrame;
      if (frame) owner = codeOwnerOfFrame(frame, bundleFile, sourceMap);
    }
    const leaf = nodes.get(nodeId)?.callFrame;
    const result = owner ?? internalBucketOf(leaf);
    ownerOfNode.set(nodeId, result);
    return result;
  };
  const byOwner = new Map<string, number>();
  profile.samples.forEach((nodeId, i) => {
    const owner = ownerOf(nodeId);
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  byOwner.delete('(idle)');
  return [...byOwner.entries()].map(([owner, ms]) => ({ owner, ms })).sort((a, b) => b.ms - a.ms);
};

/** The package or repository folder of a frame's code, if it is not Node's or V8's own. */
const codeOwnerOfFrame = (
  frame: ProfileNode['callFrame'],
  bundleFile: string,
  sourceMap: SourceMap,
): string | undefined => {
  const { url, lineNumber, columnNumber } = frame;
  if (url === '' || url.startsWith('node:')) return undefined;
  const path = url.startsWith('file:') ? fileURLToPath(url) : url;
  if (path !== bundleFile) return path.includes('/node_modules/') ? ownerOfPath(path) : undefined;
  const entry = sourceMap.findEntry(lineNumber, columnNumber);
  return 'originalSource' in entry ? ownerOfPath(entry.originalSource) : '(bundle: banner and glue)';
};

const internalBucketOf = (frame: ProfileNode['callFrame'] | undefined): string => {
  if (!frame) return '(V8 and Node internals)';
  if (frame.functionName.startsWith('(')) return frame.functionName;
  if (frame.url.startsWith('node:internal/modules/'))
    return "(Node's module loader: reading, resolving, compiling)";
  return '(V8 and Node internals)';
};
