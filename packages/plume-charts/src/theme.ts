// Internal: colours. The data colours are the Okabe–Ito palette, distinguishable with the common
// colour-vision deficiencies; both card backgrounds keep them at a readable contrast.
import type { ChartTheme } from './types';

/** The colours of one theme. */
export interface Palette {
  readonly background: string;
  readonly text: string;
  readonly mutedText: string;
  readonly grid: string;
  readonly download: string;
  readonly upload: string;
  readonly plan: string;
  readonly online: string;
  readonly intermittent: string;
  readonly offline: string;
  readonly noData: string;
}

const OKABE_ITO = {
  blue: '#0072B2',
  skyBlue: '#56B4E9',
  orange: '#E69F00',
  vermillion: '#D55E00',
  bluishGreen: '#009E73',
  reddishPurple: '#CC79A7',
} as const;

const PALETTES: Readonly<Record<ChartTheme, Palette>> = {
  light: {
    background: '#FFFFFF',
    text: '#1F2328',
    mutedText: '#59636E',
    grid: '#E3E6EA',
    download: OKABE_ITO.blue,
    upload: OKABE_ITO.vermillion,
    plan: '#59636E',
    online: OKABE_ITO.bluishGreen,
    intermittent: OKABE_ITO.orange,
    offline: OKABE_ITO.vermillion,
    noData: '#D0D7DE',
  },
  dark: {
    background: '#1E2227',
    text: '#E6EDF3',
    mutedText: '#9DA7B3',
    grid: '#343B43',
    download: OKABE_ITO.skyBlue,
    upload: OKABE_ITO.orange,
    plan: '#9DA7B3',
    online: OKABE_ITO.bluishGreen,
    intermittent: OKABE_ITO.orange,
    offline: OKABE_ITO.vermillion,
    noData: '#4A525B',
  },
};

/** The palette of a theme. */
export function paletteOf(theme: ChartTheme): Palette {
  return PALETTES[theme];
}

/** The font every text is set in; the package ships it and resvg loads only it. */
export const FONT_FAMILY = 'DejaVu Sans';

/** Vega-Lite `config` shared by the charts: fonts, colours, sizes. */
export function baseConfig(palette: Palette): Record<string, unknown> {
  return {
    font: FONT_FAMILY,
    background: palette.background,
    view: { stroke: null },
    padding: 16,
    title: {
      color: palette.text,
      fontSize: 18,
      subtitleColor: palette.mutedText,
      subtitleFontSize: 13,
      anchor: 'start',
      offset: 12,
    },
    axis: {
      labelColor: palette.mutedText,
      titleColor: palette.mutedText,
      labelFontSize: 12,
      titleFontSize: 12,
      titleFontWeight: 'normal',
      gridColor: palette.grid,
      domainColor: palette.grid,
      tickColor: palette.grid,
    },
    legend: { labelColor: palette.text, titleColor: palette.mutedText, labelFontSize: 12, orient: 'top', title: null },
    text: { color: palette.text, fontSize: 12 },
  };
}
