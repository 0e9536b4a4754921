import { z } from 'zod';
import { defineMethod } from '../api/method';

/** `getMe`: the bot's own user. */
export const getMe = defineMethod({
  name: 'getMe',
  params: z.object({}),
  run: (_params, { bot }) => bot.user,
});

/**
 * Methods bots often call at start-up whose effect the sandbox does not show: answered `true`,
 * so a bot that calls them starts as it would on Telegram.
 */
export const acceptedMethods = [
  'setMyDescription',
  'setMyShortDescription',
  'setMyName',
  'setChatMenuButton',
  'setMyDefaultAdministratorRights',
].map((name) => defineMethod({ name, params: z.looseObject({}), run: () => true }));
