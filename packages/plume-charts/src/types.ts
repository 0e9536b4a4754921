/**
 * Options and results of the chart functions.
 *
 * @packageDocumentation
 */

/**
 * The colour scheme: `light` is a white card (readable on Telegram's light and dark themes),
 * `dark` a dark-grey card.
 *
 * @example
 * ```ts
 * const theme: ChartTheme = 'light';
 * ```
 */
export type ChartTheme = 'light' | 'dark';

/**
 * Options of every chart function. Everything is optional.
 *
 * @example
 * ```ts
 * const options: ChartOptions = { width: 800, height: 450, timeZone: 'Europe/Berlin', locale: 'de-DE' };
 * ```
 */
export interface ChartOptions {
  /**
   * Width of the chart in CSS pixels (200–4,000); the PNG has `width × scale` pixels.
   * @default 800
   */
  readonly width?: number | undefined;
  /**
   * Height of the chart in CSS pixels (150–4,000), title and legend included.
   * @default 450
   */
  readonly height?: number | undefined;
  /**
   * Pixels per CSS pixel of the PNG (1–4). 2 keeps text sharp after Telegram recompresses a photo.
   * @default 2
   */
  readonly scale?: number | undefined;
  /**
   * IANA time zone of the time axis; its name is shown in the axis title.
   * @default 'UTC'
   */
  readonly timeZone?: string | undefined;
  /**
   * BCP 47 locale of numbers, day and month names (e.g. `de-DE`); the chart's words stay English.
   * @default 'en-GB'
   */
  readonly locale?: string | undefined;
  /** @default 'light' */
  readonly theme?: ChartTheme | undefined;
  /**
   * The chart's title, e.g. the location's name; the default names the chart.
   * @default 'WAN usage' or 'Online time'
   */
  readonly title?: string | undefined;
}

/**
 * Why there is no chart: `no-samples` (nothing was received) or `no-valid-samples` (samples came,
 * none usable).
 *
 * @example
 * ```ts
 * const reason: NoDataReason = 'no-samples';
 * ```
 */
export type NoDataReason = 'no-samples' | 'no-valid-samples';

/**
 * The result when the analysis has nothing to draw: never an empty picture.
 *
 * @example
 * ```ts
 * const result: NoChartData = { kind: 'no-data', reason: 'no-samples', message: 'No WAN data was received.' };
 * ```
 */
export interface NoChartData {
  readonly kind: 'no-data';
  readonly reason: NoDataReason;
  /** A sentence for a person, e.g. a photo's replacement text. */
  readonly message: string;
}

/**
 * A Vega-Lite specification: plain JSON data (values in its top-level `datasets`, no URLs), ready
 * for `vega-lite`'s `compile`.
 *
 * @example
 * ```ts
 * const spec: VegaLiteSpec = { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', mark: 'point' };
 * ```
 */
export interface VegaLiteSpec {
  readonly $schema: string;
  readonly [key: string]: unknown;
}

/**
 * A chart's specification and its size in CSS pixels.
 *
 * @example
 * ```ts
 * const built = wanChartSpec(analysis);
 * if (built.kind === 'spec') console.log(JSON.stringify(built.spec));
 * ```
 */
export interface ChartSpec {
  readonly kind: 'spec';
  readonly spec: VegaLiteSpec;
  readonly width: number;
  readonly height: number;
  /** Pixels per CSS pixel the PNG will have. */
  readonly scale: number;
}

/**
 * A rendered chart: the PNG, the SVG it was drawn from, and the PNG's size in pixels.
 *
 * @example
 * ```ts
 * const chart = await renderWanChart(analysis);
 * if (chart.kind === 'chart') await writeFile('wan.png', chart.png);
 * ```
 */
export interface ChartImage {
  readonly kind: 'chart';
  readonly png: Uint8Array;
  /** The SVG at 1× (CSS pixels), fonts by family name (`DejaVu Sans`). */
  readonly svg: string;
  /** PNG width in pixels (`options.width × options.scale`). */
  readonly width: number;
  /** PNG height in pixels. */
  readonly height: number;
}

/**
 * The result of a spec builder; narrow on `kind`.
 *
 * @example
 * ```ts
 * const built: ChartSpecResult = onlineChartSpec(stats);
 * ```
 */
export type ChartSpecResult = ChartSpec | NoChartData;

/**
 * The result of a render function; narrow on `kind`.
 *
 * @example
 * ```ts
 * const result: ChartResult = await renderOnlineChart(stats);
 * const caption = result.kind === 'chart' ? 'Online time' : result.message;
 * ```
 */
export type ChartResult = ChartImage | NoChartData;
