import { Composer } from 'telegraf';
import { COMMANDS } from '../commands';
import type { BotContext } from '../context';

/** /help: every command, one line each. */
export function helpFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.help((ctx) =>
    ctx.reply(
      [
        'I report on the Plume networks of your customers.',
        '',
        ...COMMANDS.map(({ command, description }) => `/${command} · ${description}`),
        '',
        'First time? /setup, then /locations, then /status.',
      ].join('\n'),
    ),
  );
  return feature;
}
