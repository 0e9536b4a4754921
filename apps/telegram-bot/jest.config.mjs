import preset from '../../tools/jest/preset.mjs';

// End-to-end tests start a simulator, a Telegram stand-in and the bot: give them room on a busy machine.
export default { ...preset, displayName: 'telegram-bot', testTimeout: 60_000 };
