// Publish-rehearsal smoke test: run against the installed package, loaded by ESM import() (kind
// 'esm') or CJS require() (kind 'cjs'); the subpaths (/plume, /telegraf) are loaded the same way.
// Throws on the first failed check.
import { createRequire } from 'node:module';

const load = (specifier, kind) => (kind === 'esm' ? import(specifier) : createRequire(import.meta.url)(specifier));
function check(condition, message) {
  if (!condition) throw new Error(`@org/bot-formatting smoke (${message})`);
}

export default async function smoke(lib, kind) {
  const { fmt, bold, code, split, toHtml, toPlainText } = lib;
  for (const name of ['fmt', 'bold', 'code', 'split', 'toHtml', 'toPlainText']) {
    check(typeof lib[name] === 'function', `${kind}: ${name} is exported`);
  }
  check(!('renderWanReport' in lib), `${kind}: the root holds no Plume renderer`);
  const plume = await load('@org/bot-formatting/plume', kind);
  const { renderWifiNetworks, renderNoData } = plume;
  for (const name of ['renderHealthSummary', 'renderWanReport', 'renderPodDetails', 'renderWifiNetworks']) {
    check(typeof plume[name] === 'function', `${kind}: /plume exports ${name}`);
  }
  const { toTelegraf } = await load('@org/bot-formatting/telegraf', kind);
  check(typeof toTelegraf === 'function', `${kind}: /telegraf exports toTelegraf`);

  // Rich text: API strings go in as-is, offsets in UTF-16 code units.
  const name = 'Home_1 *<b>&';
  const message = fmt`👨‍👩‍👧 ${bold(name)} has ${code('3')} pods`;
  check(message.text === `👨‍👩‍👧 ${name} has 3 pods`, 'text is inserted unescaped');
  check(message.entities[0]?.type === 'bold' && message.entities[0].offset === 9, 'bold offset counts UTF-16 units');

  // Split: within the limit, concatenates back, entities inside their parts.
  const long = fmt`${bold('Title')}\n\n${'word '.repeat(2000)}`;
  const parts = split(long, { limit: 1024 });
  check(
    parts.length === 11 && parts[0].text === 'Title\n\n',
    `split at the paragraph first, then words: ${parts.length} parts`,
  );
  check(
    parts.every((p) => p.text.length <= 1024),
    'parts within the limit',
  );
  check(parts.map((p) => p.text).join('') === long.text, 'parts concatenate to the source');
  check(
    parts.every((p) => p.entities.every((e) => e.offset + e.length <= p.text.length)),
    'entities inside their part',
  );

  // HTML: escaped once, tags balanced.
  const html = toHtml(message);
  check(html === '👨‍👩‍👧 <b>Home_1 *&lt;b&gt;&amp;</b> has <code>3</code> pods', `html: ${html}`);
  check(toPlainText(message) === message.text, 'plain text');

  // telegraf adapter: the text and entities as reply arguments, extra merged.
  const [text, extra] = toTelegraf(message, { link_preview_options: { is_disabled: true } });
  check(
    text === message.text && extra.entities.length === 2 && extra.link_preview_options.is_disabled,
    'telegraf reply arguments',
  );

  // Renderers: an analysis in, a report out; plain no-data report.
  const report = {
    networks: [{ ssid: 'Net', enabled: true, wpaMode: 'psk2', security: 'WPA2-Personal', hidden: false }],
    counts: { total: 1, enabled: 1 },
  };
  const wifi = renderWifiNetworks(report);
  check(wifi.length === 1 && wifi[0].text.includes('✅ Net — enabled, WPA2-Personal (psk2)'), 'wifi report');
  check(renderNoData('WAN consumption')[0].text.startsWith('⚪ No data: WAN consumption'), 'no-data report');
}
