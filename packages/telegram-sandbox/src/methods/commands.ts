import { z } from 'zod';
import { badRequest } from '../api/api-error';
import { defineMethod } from '../api/method';
import { json } from '../api/params';

const scope = json(
  z.looseObject({
    type: z.string(),
    chat_id: z.union([z.number(), z.string()]).optional(),
    user_id: z.number().optional(),
  }),
).optional();

const commandList = json(
  z.array(z.object({ command: z.string(), description: z.string() }), {
    error: () => "Bad Request: can't parse commands JSON object",
  }),
);

/** The storage key of a command list: its scope and language. */
export function commandsKey(scopeValue: z.output<typeof scope>, languageCode: string | undefined): string {
  const type = scopeValue?.type ?? 'default';
  const chat = scopeValue?.chat_id === undefined ? '' : `:${scopeValue.chat_id}`;
  const user = scopeValue?.user_id === undefined ? '' : `:${scopeValue.user_id}`;
  return `${type}${chat}${user}|${languageCode ?? ''}`;
}

/** `setMyCommands`: the menu for a scope and language; commands are 1–32 of `a-z0-9_`. */
export const setMyCommands = defineMethod({
  name: 'setMyCommands',
  params: z.object({ commands: commandList, scope, language_code: z.string().optional() }),
  run: (params, { world, bot }) => {
    if (params.commands.length > 100) throw badRequest('BOT_COMMANDS_TOO_MUCH');
    for (const { command, description } of params.commands) {
      if (!/^[a-z0-9_]{1,32}$/.test(command)) throw badRequest('BOT_COMMAND_INVALID');
      if (description.trim().length === 0 || description.length > 256)
        throw badRequest('BOT_COMMAND_DESCRIPTION_INVALID');
    }
    const key = commandsKey(params.scope, params.language_code);
    if (params.commands.length === 0) bot.commands.delete(key);
    else
      bot.commands.set(
        key,
        params.commands.map(({ command, description }) => ({ command, description })),
      );
    world.emit({ type: 'bot', token: bot.token });
    return true;
  },
});

/** `getMyCommands`: the list stored for exactly that scope and language. */
export const getMyCommands = defineMethod({
  name: 'getMyCommands',
  params: z.object({ scope, language_code: z.string().optional() }),
  run: (params, { bot }) => bot.commands.get(commandsKey(params.scope, params.language_code)) ?? [],
});

/** `deleteMyCommands`: forgets the list of a scope and language. */
export const deleteMyCommands = defineMethod({
  name: 'deleteMyCommands',
  params: z.object({ scope, language_code: z.string().optional() }),
  run: (params, { world, bot }) => {
    bot.commands.delete(commandsKey(params.scope, params.language_code));
    world.emit({ type: 'bot', token: bot.token });
    return true;
  },
});
