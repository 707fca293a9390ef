import { build } from 'esbuild';
import { esbuildOptionsFor } from './test/tools/bundle-size.ts';
const id = process.argv[2] as 'slack';
const r = await build({ ...esbuildOptionsFor(id), metafile: true });
const js = r.outputFiles!.find((f) => f.path.endsWith('.mjs'))!;
const out = Object.entries(r.metafile!.outputs).find(([p]) => js.path.endsWith(p))![1];
const files = Object.entries(out.inputs).map(([k, v]) => [k.replace(/^.*node_modules\//, 'nm/'), v.bytesInOutput] as const).sort((a, b) => b[1] - a[1]);
console.log(files.slice(0, Number(process.argv[3] ?? 60)).map(([k, v]) => `${(v / 1024).toFixed(1).padStart(7)} ${k}`).join('\n'));
