// The stages of a warm chart, each done the way the package did it before and the way it does it
// now, restated here so that they can be measured side by side in the same rounds (the machine's
// load then hits them alike): Vega-Lite → SVG (compiled, parsed and a new view per chart, against
// a shape compiled once and its view kept, as src/vega-views.ts does), SVG → pixels (resvg-wasm,
// with the faded marks as opacity layers or as fill/stroke opacity), and pixels → PNG (the
// package's encoder, src/png.ts, at several zlib levels, and resvg's own).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const FAMILY = 'DejaVu Sans';

/** CPU time of this process (all threads, user + system), ms. */
export const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Vega-Lite spec → SVG, three ways; each resolves to the SVG. */
export async function vegaWays() {
  const vega = await import('vega');
  const vegaLite = await import('vega-lite');
  const logger = vega.logger(vega.None);
  const fresh = (compiled) => new vega.View(vega.parse(compiled), { renderer: 'none', logger });
  const bare = (spec) => ({
    ...spec,
    datasets: Object.fromEntries(Object.keys(spec.datasets).map((name) => [name, []])),
    params: spec.params.map((param) => ({ ...param, value: null })),
  });
  const feed = (view, spec) => {
    for (const [name, values] of Object.entries(spec.datasets))
      view.data(
        name,
        values.map((row) => ({ ...row })),
      );
    for (const { name, value } of spec.params) view.signal(name, value);
  };
  const shapes = new Map();
  const shapeOf = (spec) => {
    const key = JSON.stringify(bare(spec));
    if (!shapes.has(key)) {
      const compiled = vegaLite.compile(bare(spec), { logger }).spec;
      shapes.set(key, { compiled, runtime: vega.parse(compiled), view: undefined });
    }
    return shapes.get(key);
  };
  const draw = async (view) => {
    const svg = await view.toSVG();
    view.finalize();
    return svg;
  };
  return {
    'compile, parse, new view (before)': (spec) => draw(fresh(vegaLite.compile(spec, { logger }).spec)),
    'shape kept, new view': (spec) => {
      const view = new vega.View(shapeOf(spec).runtime, { renderer: 'none', logger });
      feed(view, spec);
      return draw(view);
    },
    'shape kept, view kept (now)': (spec) => {
      const shape = shapeOf(spec);
      const view = (shape.view ??= new vega.View(shape.runtime, { renderer: 'none', logger }));
      view.width(shape.compiled.width).height(shape.compiled.height).resize();
      feed(view, spec);
      return view.toSVG();
    },
  };
}

/** The faded marks as element opacity, which is how the package's specs drew them before. */
export const withOpacityLayers = (svg) =>
  svg
    .replace(/ stroke-opacity="([\d.]+)" stroke-width="([\d.]+)"/g, ' stroke-width="$2" opacity="$1"')
    .replace(/ fill-opacity=/g, ' opacity=');

/** resvg-wasm started, with the shipped fonts as bytes, as the package uses it. */
export async function loadResvg() {
  const wasm = await import('@resvg/resvg-wasm');
  try {
    await wasm.initWasm(await readFile(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
  } catch (error) {
    if (!String(error).includes('Already initialized')) throw error;
  }
  const files = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) =>
    fileURLToPath(new URL(`../fonts/${f}`, import.meta.url)),
  );
  const fontBuffers = await Promise.all(files.map(async (f) => new Uint8Array(await readFile(f))));
  const font = { fontBuffers, defaultFontFamily: FAMILY, sansSerifFamily: FAMILY };
  /** SVG → `{ parse, raster } (CPU ms), width, height, pixels, png() }` at `scale`. */
  return (svg, scale) => {
    let t = cpuMs();
    const resvg = new wasm.Resvg(svg, { fitTo: { mode: 'zoom', value: scale }, font });
    const parse = cpuMs() - t;
    t = cpuMs();
    const image = resvg.render();
    const raster = cpuMs() - t;
    const { width, height, pixels } = image;
    return {
      parse,
      raster,
      width,
      height,
      pixels,
      png: () => image.asPng(),
      free: () => {
        image.free();
        resvg.free();
      },
    };
  };
}

/** The package's encoder (src/png.ts), restated at a given zlib level, run synchronously to time it. */
export function encodePng(rgba, width, height, level) {
  const stride = width * 4;
  const raw = new Uint8Array(height * (stride + 1));
  for (let y = 0; y < height; y++) raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  const chunk = (type, data) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'latin1');
    out.set(data, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
