import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * The two binary files PNG rendering needs: resvg's WebAssembly module and the Noto Sans font
 * (the only font used, so a picture is identical on every machine). Deployed, the chart bundle
 * carries them beside its entry file (infra copies them at bundling); from source (local system,
 * tests, benchmarks) they are read from their packages.
 */
export const CHART_ASSET_FILES = {
  wasm: { bundled: 'resvg.wasm', module: '@resvg/resvg-wasm/index_bg.wasm' },
  font: {
    bundled: 'NotoSans-Regular.ttf',
    module: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  },
} as const;

const readAsset = async (asset: keyof typeof CHART_ASSET_FILES): Promise<Uint8Array> => {
  const { bundled, module } = CHART_ASSET_FILES[asset];
  try {
    return await readFile(join(import.meta.dirname, bundled));
  } catch {
    return readFile(createRequire(import.meta.url).resolve(module));
  }
};

export const loadWasm = (): Promise<Uint8Array> => readAsset('wasm');
export const loadFont = (): Promise<Uint8Array> => readAsset('font');
