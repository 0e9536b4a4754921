// Internal: Vega-Lite specification → Vega → SVG → PNG.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ChartsError } from './errors';
import { encodePng, isOpaque } from './png';
import { FONT_FAMILY } from './theme';
import type { ChartImage, ChartSpec } from './types';
import { createSvgRenderer, type SvgRenderer } from './vega-views';

/**
 * The fonts shipped in the package's `fonts/` folder (next to `dist/` and `src/`). resvg draws no
 * text at all from WOFF fonts and the machine's fonts vary, so it is given these TTF files only.
 */
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) => join(__dirname, '..', 'fonts', file));

type ResvgWasm = typeof import('@resvg/resvg-wasm');

/** What a render needs, loaded once per process. */
interface Libraries {
  /** Vega-Lite and Vega, with the compiled shapes of the charts drawn so far. */
  readonly vega: SvgRenderer;
  readonly Resvg: ResvgWasm['Resvg'];
  /** The shipped TTF files, read once: resvg keeps fonts given as bytes in memory. */
  readonly fonts: readonly Uint8Array[];
}

/**
 * Starts resvg's WebAssembly module. It is one instance per process: when another copy of this
 * package (its CommonJS and ESM builds, say) started it first, resvg says so and it is ready.
 */
async function startResvg(resvg: ResvgWasm): Promise<void> {
  const wasm = await readFile(createRequire(__filename).resolve('@resvg/resvg-wasm/index_bg.wasm'));
  try {
    await resvg.initWasm(wasm);
  } catch (error) {
    if (!String(error).includes('Already initialized')) throw error;
  }
}

async function load(): Promise<Libraries> {
  const [vega, vegaLite, resvg, ...fonts] = await Promise.all([
    import('vega'),
    import('vega-lite'),
    import('@resvg/resvg-wasm'),
    ...FONT_FILES.map(async (file) => new Uint8Array(await readFile(file))),
  ]);
  await startResvg(resvg);
  return { vega: createSvgRenderer(vega, vegaLite), Resvg: resvg.Resvg, fonts };
}

/**
 * The rendering libraries and fonts, loaded on first use and kept like the modules themselves:
 * vega and vega-lite are ESM-only and vega awaits at its top level, which `require()` cannot load,
 * so the CommonJS build reaches them through `import()`; resvg's WebAssembly module starts once.
 * Besides the compiled chart shapes (a bounded cache that changes no picture), nothing here
 * changes after loading; a failed load is retried by the next render.
 */
let loaded: Promise<Libraries> | undefined;

function libraries(): Promise<Libraries> {
  loaded ??= load().catch((cause: unknown) => {
    loaded = undefined;
    throw new ChartsError('RENDER_FAILED', `The chart renderer could not be loaded: ${String(cause)}.`, { cause });
  });
  return loaded;
}

/** Vega-Lite → Vega → SVG, headless. */
async function toSvg({ vega }: Libraries, chart: ChartSpec): Promise<string> {
  try {
    return await vega.toSvg(chart.spec);
  } catch (cause) {
    throw new ChartsError('RENDER_FAILED', `Vega could not draw the chart: ${String(cause)}.`, { cause });
  }
}

/**
 * SVG → pixels at `scale` with resvg, using the shipped fonts only. Opaque pixels (every chart has
 * a background) come back raw for {@link encodePng}; anything else as resvg's own PNG.
 */
function draw({ Resvg, fonts }: Libraries, svg: string, scale: number) {
  let resvg: InstanceType<ResvgWasm['Resvg']> | undefined;
  let image: ReturnType<InstanceType<ResvgWasm['Resvg']>['render']> | undefined;
  try {
    resvg = new Resvg(svg, {
      fitTo: { mode: 'zoom', value: scale },
      font: { fontBuffers: [...fonts], defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
    });
    image = resvg.render();
    const { width, height, pixels } = image;
    return isOpaque(pixels) ? { width, height, pixels } : { width, height, png: image.asPng() };
  } finally {
    // WebAssembly memory is not garbage-collected: free resvg's objects now.
    image?.free();
    resvg?.free();
  }
}

async function toPng(libs: Libraries, svg: string, scale: number) {
  try {
    const drawn = draw(libs, svg, scale);
    const png = 'png' in drawn ? drawn.png : await encodePng(drawn.pixels, drawn.width, drawn.height);
    return { png, width: drawn.width, height: drawn.height };
  } catch (cause) {
    throw new ChartsError('RENDER_FAILED', `resvg could not turn the chart into a PNG: ${String(cause)}.`, { cause });
  }
}

/**
 * Renders a chart specification to SVG (Vega, headless) and PNG (resvg at `spec.scale`).
 *
 * @throws {@link ChartsError} `RENDER_FAILED` when Vega or resvg fails.
 */
export async function renderSpec(chart: ChartSpec): Promise<ChartImage> {
  const libs = await libraries();
  const svg = await toSvg(libs, chart);
  return { kind: 'chart', svg, ...(await toPng(libs, svg, chart.scale)) };
}
