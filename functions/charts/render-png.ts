import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { loadFont, loadWasm } from './assets.ts';
import { CHART_FONT_FAMILY } from './chart-option.ts';

let ready: Promise<Uint8Array> | undefined;

/** Loads resvg's WebAssembly and the font once per process (a failed load is tried again next time). */
const prepared = (): Promise<Uint8Array> => {
  ready ??= (async () => {
    const [wasm, font] = await Promise.all([loadWasm(), loadFont()]);
    await initWasm(wasm);
    return font;
  })().catch((error: unknown) => {
    ready = undefined;
    throw error;
  });
  return ready;
};

/**
 * An SVG as PNG bytes, drawn by resvg with the bundled Noto Sans only (no system fonts), so the
 * same SVG gives the same pixels everywhere.
 */
export const svgToPng = async (svg: string): Promise<Uint8Array> => {
  const font = await prepared();
  const resvg = new Resvg(svg, {
    font: {
      fontBuffers: [font],
      defaultFontFamily: CHART_FONT_FAMILY,
      sansSerifFamily: CHART_FONT_FAMILY,
    },
    background: '#ffffff',
  });
  try {
    const image = resvg.render();
    try {
      return image.asPng();
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
};
