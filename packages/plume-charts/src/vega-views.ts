// Internal: Vega-Lite specification → SVG, with the work that depends only on a chart's shape done
// once. The specs keep everything the data decides in their top-level `datasets` and `params`; the
// rest (size, theme, locale, time zone, axis formats, marks) is the shape. A shape is compiled by
// Vega-Lite and parsed by Vega once, and its Vega views are kept and fed the next chart's data:
// Vega then re-runs only its dataflow: about a third of the CPU time of compiling, parsing and
// building a view anew for the WAN chart (see the benchmark). The pictures are those a new view draws.
import type { View } from 'vega';
import type { VegaLiteSpec } from './types';

type Vega = typeof import('vega');
type VegaLite = typeof import('vega-lite');

/** Shapes kept, the least recently drawn dropped first: the bot draws a handful (views × zones). */
const MAX_SHAPES = 16;
/** Idle views kept per shape; more are built while charts of one shape are drawn at once. */
const MAX_IDLE_VIEWS = 2;

/** What the data decides: the spec's named datasets and its params' values. */
interface ChartData {
  readonly datasets: ReadonlyMap<string, readonly unknown[]>;
  readonly params: ReadonlyMap<string, unknown>;
}

/** A compiled and parsed shape, its size before autosize fits it, and its views not drawing now. */
interface Shape {
  readonly runtime: ReturnType<Vega['parse']>;
  readonly width: number;
  readonly height: number;
  readonly idle: View[];
}

/** Draws Vega-Lite specifications as SVG, keeping compiled shapes and their views. */
export interface SvgRenderer {
  /** The SVG of `spec` (CSS pixels, text by font family). */
  toSvg(spec: VegaLiteSpec): Promise<string>;
}

function dataOf(spec: VegaLiteSpec): ChartData {
  const datasets = new Map<string, readonly unknown[]>();
  for (const [name, values] of Object.entries((spec['datasets'] ?? {}) as Record<string, unknown>)) {
    if (Array.isArray(values)) datasets.set(name, values);
  }
  const params = new Map<string, unknown>();
  for (const param of (spec['params'] ?? []) as { name?: unknown; value?: unknown }[]) {
    if (typeof param.name === 'string' && 'value' in param) params.set(param.name, param.value);
  }
  return { datasets, params };
}

/** The spec with its datasets empty and its params' values left out: what makes up its shape. */
function shapeOf(spec: VegaLiteSpec, data: ChartData): VegaLiteSpec {
  const params = ((spec['params'] ?? []) as Record<string, unknown>[]).map((param) =>
    typeof param['name'] === 'string' && data.params.has(param['name']) ? { ...param, value: null } : param,
  );
  return {
    ...spec,
    ...(spec['datasets'] === undefined
      ? {}
      : { datasets: Object.fromEntries([...data.datasets.keys()].map((n) => [n, []])) }),
    ...(spec['params'] === undefined ? {} : { params }),
  };
}

/**
 * An SVG renderer over the loaded `vega` and `vega-lite` modules. Vega's log is dropped: a library
 * does not write to the console.
 *
 * @example
 * ```ts
 * const renderer = createSvgRenderer(await import('vega'), await import('vega-lite'));
 * const svg = await renderer.toSvg(built.spec);
 * ```
 */
export function createSvgRenderer(vega: Vega, vegaLite: VegaLite): SvgRenderer {
  const logger = vega.logger(vega.None);
  const shapes = new Map<string, Shape>();

  const shapeFor = (spec: VegaLiteSpec, data: ChartData): { key: string; shape: Shape } => {
    const bare = shapeOf(spec, data);
    const key = JSON.stringify(bare);
    let shape = shapes.get(key);
    if (shape === undefined) {
      const compiled = vegaLite.compile(bare as unknown as Parameters<VegaLite['compile']>[0], { logger }).spec;
      const size = (value: unknown) => (typeof value === 'number' ? value : 0);
      shape = { runtime: vega.parse(compiled), width: size(compiled.width), height: size(compiled.height), idle: [] };
    }
    // Most recently drawn last; the first is the one to drop.
    shapes.delete(key);
    shapes.set(key, shape);
    for (const [oldKey, old] of shapes) {
      if (shapes.size <= MAX_SHAPES) break;
      shapes.delete(oldKey);
      for (const view of old.idle.splice(0)) view.finalize();
    }
    return { key, shape };
  };

  return {
    async toSvg(spec) {
      const data = dataOf(spec);
      const { key, shape } = shapeFor(spec, data);
      const reused = shape.idle.pop();
      const view = reused ?? new vega.View(shape.runtime, { renderer: 'none', logger });
      let svg: string;
      try {
        // A used view keeps the size its last chart was fitted to; autosize fits the next one from
        // the size a new view starts with, so that it comes out as a new view would draw it.
        if (reused !== undefined) view.width(shape.width).height(shape.height).resize();
        // Vega adds fields to the objects it is given: give it copies, the spec stays as it was.
        for (const [name, values] of data.datasets)
          view.data(
            name,
            values.map((row) => ({ ...(row as object) })),
          );
        for (const [name, value] of data.params) view.signal(name, value);
        svg = await view.toSVG();
      } catch (error) {
        view.finalize();
        throw error;
      }
      if (shapes.get(key) === shape && shape.idle.length < MAX_IDLE_VIEWS) shape.idle.push(view);
      else view.finalize();
      return svg;
    },
  };
}
