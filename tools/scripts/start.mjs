// `npm start`: builds what the bot needs, then runs it (the app's own start script decides
// between Telegram and the local sandbox).
import { spawnSync } from 'node:child_process';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env: process.env }).status ?? 1;

const built = run('nx', ['run', '@org/telegram-bot:build', '--outputStyle=static']);
if (built !== 0) process.exit(built);
process.exit(
  run('npm', ['run', 'start', '--silent', '--workspace', 'apps/telegram-bot', '--', ...process.argv.slice(2)]),
);
