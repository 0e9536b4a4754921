// Draws the pictures the README shows, from the built package and the benchmark's deterministic
// data, into docs/. Run by hand after a change to the charts, and commit the pictures:
//   npx tsup && node scripts/docs.mjs
import { mkdir, writeFile } from 'node:fs/promises';
import { analyzeOnlineStats, analyzeWanStats } from '@org/plume-analytics';
import { renderOnlineChart, renderWanChart } from '../dist/index.mjs';
import { onlineSamples, wanDay } from '../bench/data.mjs';

const docs = new URL('../docs/', import.meta.url);
await mkdir(docs, { recursive: true });
const timeZone = 'Europe/Berlin';
const pictures = {
  'wan.png': renderWanChart(analyzeWanStats(wanDay(), { timeZone, planSpeed: { downloadMbps: 500, uploadMbps: 50 } }), {
    timeZone,
    title: 'Downtown Store: WAN usage',
  }),
  'wan-dark.png': renderWanChart(analyzeWanStats(wanDay(), { timeZone }), { timeZone, theme: 'dark', locale: 'de-DE' }),
  'online-24h.png': renderOnlineChart(analyzeOnlineStats(onlineSamples(1, 5), '24h', { timeZone }), {
    timeZone,
    title: 'Downtown Store: online time',
  }),
  'online-7d.png': renderOnlineChart(analyzeOnlineStats(onlineSamples(7), '7d', { timeZone }), {
    timeZone,
    title: 'Downtown Store: online time',
  }),
};
for (const [file, pending] of Object.entries(pictures)) {
  const chart = await pending;
  if (chart.kind !== 'chart') throw new Error(`${file}: ${chart.message}`);
  await writeFile(new URL(file, docs), chart.png);
  console.log(`docs/${file}: ${chart.width}×${chart.height}, ${chart.png.length} bytes`);
}
