// Entry point of the bot. The bot itself is built by its own issue; until then `npm start` says so.
process.stdout.write(
  'The Plume Telegram bot is not built yet: the libraries it composes come first.\n' +
    'Run `npm test` to build and test the workspace.\n',
);
