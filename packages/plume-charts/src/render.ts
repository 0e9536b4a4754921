// Internal: Vega-Lite specification → Vega → SVG → PNG.
import { join } from 'node:path';
import { ChartsError } from './errors';
import { FONT_FAMILY } from './theme';
import type { ChartImage, ChartSpec } from './types';

/**
 * The fonts shipped in the package's `fonts/` folder (next to `dist/` and `src/`). resvg draws no
 * text at all from WOFF fonts and the machine's fonts vary, so it loads these TTF files only.
 */
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) => join(__dirname, '..', 'fonts', file));

/**
 * The rendering libraries, loaded on first use: vega and vega-lite are ESM-only and vega awaits at
 * its top level, which `require()` cannot load, so the CommonJS build reaches them through
 * `import()`. The runtime caches modules, so later calls cost nothing.
 */
async function libraries() {
  const [vega, vegaLite, resvg] = await Promise.all([import('vega'), import('vega-lite'), import('@resvg/resvg-js')]);
  return { vega, vegaLite, Resvg: resvg.Resvg };
}

/** A logger that drops Vega's warnings: a library does not write to the console. */
function silentLogger(vega: typeof import('vega')) {
  return vega.logger(vega.None);
}

/**
 * Renders a chart specification to SVG (Vega, headless) and PNG (resvg at `spec.scale`).
 *
 * @throws {@link ChartsError} `RENDER_FAILED` when Vega or resvg fails.
 */
export async function renderSpec(chart: ChartSpec): Promise<ChartImage> {
  const { vega, vegaLite, Resvg } = await libraries();
  let svg: string;
  try {
    const logger = silentLogger(vega);
    const compiled = vegaLite.compile(chart.spec as unknown as Parameters<typeof vegaLite.compile>[0], { logger }).spec;
    const view = new vega.View(vega.parse(compiled), { renderer: 'none', logger });
    try {
      svg = await view.toSVG();
    } finally {
      view.finalize();
    }
  } catch (cause) {
    throw new ChartsError('RENDER_FAILED', `Vega could not draw the chart: ${String(cause)}.`, { cause });
  }
  try {
    const image = new Resvg(svg, {
      fitTo: { mode: 'zoom', value: chart.scale },
      font: {
        fontFiles: FONT_FILES,
        loadSystemFonts: false,
        defaultFontFamily: FONT_FAMILY,
        sansSerifFamily: FONT_FAMILY,
      },
    }).render();
    return { kind: 'chart', png: new Uint8Array(image.asPng()), svg, width: image.width, height: image.height };
  } catch (cause) {
    throw new ChartsError('RENDER_FAILED', `resvg could not turn the chart into a PNG: ${String(cause)}.`, { cause });
  }
}
