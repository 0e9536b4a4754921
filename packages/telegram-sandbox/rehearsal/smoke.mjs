// Publish-rehearsal smoke test: run against the installed package, loaded by ESM import() (kind
// 'esm') or CJS require() (kind 'cjs'). Starts a sandbox on a free port, talks to it with fetch as a
// bot would, acts as a user, and closes it. Throws on the first failed check.
function check(condition, message) {
  if (!condition) throw new Error(`@org/telegram-sandbox smoke (${message})`);
}

export default async function smoke(lib, kind) {
  for (const name of [
    'startSandbox',
    'createHarness',
    'withSandbox',
    'isSandboxError',
    'parseTelegramText',
    'buttonLabels',
  ]) {
    check(typeof lib[name] === 'function', `${kind}: ${name} is exported`);
  }
  check(
    typeof lib.SandboxError === 'function' && typeof lib.SandboxTimeoutError === 'function',
    `${kind}: error classes are exported`,
  );

  const sandbox = await lib.startSandbox({ port: 0 });
  try {
    const call = async (method, params = {}) => {
      const response = await fetch(`${sandbox.apiRoot}/bot${sandbox.token}/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(params),
      });
      return response.json();
    };

    const me = await call('getMe');
    check(
      me.ok === true && me.result.is_bot === true && me.result.username === 'sandbox_bot',
      `getMe: ${JSON.stringify(me)}`,
    );

    const user = sandbox.createUser({ firstName: 'Smoke' });
    const sent = await call('sendMessage', {
      chat_id: user.id,
      text: '<b>Hello</b> there',
      parse_mode: 'HTML',
      reply_markup: { inline_keyboard: [[{ text: 'OK', callback_data: 'ok' }]] },
    });
    check(sent.ok && sent.result.text === 'Hello there', `sendMessage: ${JSON.stringify(sent)}`);
    check(
      sent.result.entities?.[0]?.type === 'bold' && sent.result.entities[0].length === 5,
      'HTML became a bold entity',
    );
    check(lib.buttonLabels(sent.result).join() === 'OK', 'the keyboard is kept');

    const refused = await call('sendMessage', { chat_id: user.id, text: 'x'.repeat(4097) });
    check(
      refused.ok === false && refused.error_code === 400 && refused.description === 'Bad Request: message is too long',
      `limit: ${JSON.stringify(refused)}`,
    );

    await user.send('/ping');
    const updates = await call('getUpdates', { timeout: 0 });
    const message = updates.result?.[0]?.message;
    check(message?.text === '/ping' && message.from.id === user.id, `getUpdates: ${JSON.stringify(updates)}`);
    check(message.entities?.[0]?.type === 'bot_command', 'the command has its entity');

    const latest = await user.lastMessage({ timeoutMs: 1000 }).catch((error) => error);
    check(
      lib.isSandboxError(latest) && latest.code === 'TIMEOUT',
      'no reply after /ping times out with a SandboxTimeoutError',
    );

    const page = await fetch(sandbox.webUrl).then((response) => response.text());
    check(page.includes('Telegram sandbox') && page.includes('/web/app.js'), 'the web chat page is served');
    const script = await fetch(new URL('web/app.js', sandbox.webUrl));
    check(
      script.status === 200 && (await script.text()).includes('/web/events'),
      `the web chat's script is served (${script.status})`,
    );
  } finally {
    await sandbox.close();
  }
}
