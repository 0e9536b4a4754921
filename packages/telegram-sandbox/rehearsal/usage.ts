// Publish-rehearsal type check: compiled by tsc --noEmit in a consumer project, under
// moduleResolution node16 and bundler. Never run. It imports the package by name, as a consumer does.
import {
  buttonLabels,
  createHarness,
  isSandboxError,
  parseTelegramText,
  SandboxTimeoutError,
  startSandbox,
  withSandbox,
  type ChatActor,
  type InjectedFailure,
  type PressResult,
  type RecordedCall,
  type Sandbox,
  type SandboxGroup,
  type SandboxHarness,
  type SandboxOptions,
  type SandboxUser,
  type TelegramMessage,
  type TelegramMessageEntity,
  type TelegramUpdate,
} from '@org/telegram-sandbox';

export async function tryTheBot(): Promise<string[]> {
  const options: SandboxOptions = {
    port: 0,
    token: '123456:ABC-def',
    rateLimit: { limit: 20, windowMs: 1000 },
    timeoutMs: 2000,
  };
  const sandbox: Sandbox = await startSandbox(options);
  const apiRoot: string = sandbox.apiRoot;
  const ann: SandboxUser = sandbox.createUser({ firstName: 'Ann', username: 'ann' });
  const group: SandboxGroup = sandbox.createGroup({ title: 'Ops', members: [ann] });
  const inGroup: ChatActor = ann.in(group);
  const sent: TelegramMessage = await ann.send('/status');
  const reply: TelegramMessage = await ann.lastMessage({ timeoutMs: 500 });
  const press: PressResult = await ann.press('WAN', { messageId: reply.message_id });
  const answerText: string | undefined = (await press.answer()).text;
  const matched: TelegramMessage = await inGroup.waitForMessage(/Status/, { timeoutMs: 500 });
  const failure: InjectedFailure = { error_code: 429, description: 'Too Many Requests: retry after 3', retry_after: 3 };
  sandbox.failNext('sendMessage', failure, { times: 2 });
  const calls: RecordedCall[] = sandbox.calls('sendMessage');
  await sandbox.close();
  return [apiRoot, sent.text ?? '', matched.text ?? '', answerText ?? '', String(calls.length), ...buttonLabels(reply)];
}

export function harnessForJest(): SandboxHarness {
  const harness = createHarness({ timeoutMs: 2000 });
  void harness.start().then(() =>
    harness.startBot(({ token, apiRoot }) => {
      void token;
      void apiRoot;
      return () => undefined;
    }),
  );
  return harness;
}

export async function offline(): Promise<TelegramMessageEntity[] | string> {
  const parsed = parseTelegramText({ text: '<b>Hi</b>', parseMode: 'HTML' });
  const updates: TelegramUpdate[] = await withSandbox(async () => [], { port: 0 });
  try {
    await withSandbox((sandbox) => sandbox.waitForBot({ timeoutMs: 10 }));
  } catch (error) {
    if (error instanceof SandboxTimeoutError) return error.awaited;
    if (isSandboxError(error)) return error.code;
  }
  return parsed.ok ? parsed.entities : `${parsed.description} ${updates.length}`;
}
