import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { Input, Markup, Telegraf } from 'telegraf';
import { bold, code, fmt, link, spoiler } from 'telegraf/format';
import type { Sandbox } from '../sandbox';
import { startSandbox } from '../start';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Markup a page that set innerHTML would run; each sets a flag the test reads. */
const INJECT = {
  text: '<img src=x onerror="window.__injected=1"> & <b>not bold</b>',
  button: '<img src=x onerror="window.__injected=2">Go',
  title: '<img src=x onerror="window.__injected=3">Ops',
  name: '<script>window.__injected=4</script>Eve',
  toast: '<img src=x onerror="window.__injected=5">',
};
const PNG_1x1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const PNG_2x1 = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAD0lEQVR4nGP4z8DAwPAfAAcAAf9+CLHQAAAAAElFTkSuQmCC';

let sandbox: Sandbox;
let bot: Telegraf;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium is not at ${CHROMIUM}: run scripts/ensure-chromium.sh (the test script does) or set CHROMIUM_PATH.`,
    );
  sandbox = await startSandbox();
  bot = new Telegraf(sandbox.token, { telegram: { apiRoot: sandbox.apiRoot } });
  bot.command('status', async (ctx) => {
    await ctx.sendChatAction('typing');
    await ctx.reply(
      fmt`Status: ${bold('online')}, uptime ${code('3d')}, ${link('docs', 'https://example.com/docs')}, key ${spoiler('hunter2')}`,
      Markup.inlineKeyboard([Markup.button.callback('WAN', 'wan'), Markup.button.callback('Delete', 'delete')]),
    );
  });
  bot.action('wan', async (ctx) => {
    await ctx.answerCbQuery('Showing WAN');
    await ctx.editMessageText(
      fmt`${bold('WAN')}: 1 Gbps`,
      Markup.inlineKeyboard([Markup.button.callback('Delete', 'delete')]),
    );
  });
  bot.action('delete', async (ctx) => {
    await ctx.answerCbQuery();
    await ctx.deleteMessage();
  });
  bot.command('inject', (ctx) =>
    ctx.reply(fmt`${bold(INJECT.text)}`, Markup.inlineKeyboard([Markup.button.callback(INJECT.button, 'inject')])),
  );
  bot.action('inject', (ctx) => ctx.answerCbQuery(INJECT.toast));
  bot.command('chart', (ctx) =>
    ctx.replyWithPhoto(Input.fromBuffer(Buffer.from(PNG_1x1, 'base64'), 'chart.png'), {
      caption: 'WAN chart',
      ...Markup.inlineKeyboard([Markup.button.callback('Wider', 'wider')]),
    }),
  );
  bot.action('wider', async (ctx) => {
    await ctx.editMessageMedia({
      type: 'photo',
      media: Input.fromBuffer(Buffer.from(PNG_2x1, 'base64'), 'wide.png'),
      caption: 'Wider chart',
    });
    await ctx.answerCbQuery();
  });
  void bot.launch(() => undefined);
  await sandbox.waitForBot({ timeoutMs: 10_000 });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  bot?.stop();
  await sandbox?.close();
}, 30_000);

async function type(page: Page, text: string) {
  await page.fill('#input', text);
  await page.press('#input', 'Enter');
}

describe('the web chat', () => {
  it('serves the browser script the build bundled from src/web/client', async () => {
    const built = readFileSync(join(__dirname, '../../dist/web/app.js'), 'utf8');
    const response = await fetch(new URL('web/app.js', sandbox.webUrl));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe(built);
    expect(built).toContain('// src/web/client/main.ts');
  });

  it('lets a person type a command, see the formatted reply, press a button that edits it, and see a photo change', async () => {
    const page = await browser.newPage();
    await page.goto(sandbox.webUrl);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.textContent('#chat-title')).toBe('Sandbox Bot (@sandbox_bot)');

    await type(page, '/status');
    const reply = page.locator('.message.incoming').last();
    await reply.locator('strong', { hasText: 'online' }).waitFor();
    expect(await reply.locator('.text').textContent()).toBe('Status: online, uptime 3d, docs, key hunter2');
    expect(await reply.locator('code').textContent()).toBe('3d');
    expect(await reply.locator('a', { hasText: 'docs' }).getAttribute('href')).toBe('https://example.com/docs');
    const secret = reply.locator('.spoiler');
    expect(await secret.getAttribute('class')).toBe('spoiler');
    await secret.click();
    expect(await secret.getAttribute('class')).toBe('spoiler revealed');
    expect(await page.locator('.message.outgoing .text').last().textContent()).toBe('/status');

    await reply.getByRole('button', { name: 'WAN' }).click();
    await reply.locator('.text', { hasText: 'WAN: 1 Gbps' }).waitFor();
    expect(await reply.locator('.meta').textContent()).toMatch(/^edited · /);
    expect(await reply.locator('.keyboard button').allTextContents()).toEqual(['Delete']);
    expect(await page.locator('#toast').textContent()).toBe('Showing WAN');

    await reply.getByRole('button', { name: 'Delete' }).click();
    await page.locator('.message.incoming').waitFor({ state: 'detached' });
    expect(await page.locator('.message').count()).toBe(1);

    await type(page, '/chart');
    const photo = page.locator('.message.incoming img.photo');
    await photo.waitFor();
    await page.waitForFunction('document.querySelector("img.photo")?.naturalWidth === 1');
    expect(await page.locator('.message.incoming .text').last().textContent()).toBe('WAN chart');

    await page.locator('.message.incoming').last().getByRole('button', { name: 'Wider' }).click();
    await page.waitForFunction('document.querySelector("img.photo")?.naturalWidth === 2');
    const edited = page.locator('.message.incoming').last();
    expect(await edited.locator('.text').textContent()).toBe('Wider chart');
    expect(await edited.locator('.meta').textContent()).toMatch(/^edited · /);
    expect(await edited.locator('.keyboard button').count()).toBe(0);
    expect(await page.locator('img.photo').count()).toBe(1);
    await page.close();
  }, 60_000);

  it('shows a chat driven from code live, as the user it belongs to', async () => {
    const ann = sandbox.createUser({ firstName: 'Ann' });
    const page = await browser.newPage();
    await page.goto(`${sandbox.webUrl}?user=${ann.id}`);
    await page.waitForSelector('body[data-ready="true"]');
    await ann.send('/status');
    await page.locator('.message.incoming strong', { hasText: 'online' }).waitFor();
    expect(await page.locator('.message.outgoing .text').textContent()).toBe('/status');
    await page.close();
  }, 30_000);

  it('shows message text, button labels, names and titles as text, never as markup', async () => {
    const eve = sandbox.createUser({ firstName: INJECT.name });
    const group = sandbox.createGroup({ title: INJECT.title, members: [eve] });
    const page = await browser.newPage();
    await page.goto(`${sandbox.webUrl}?user=${eve.id}&chat=g:${group.id}`);
    await page.waitForSelector('body[data-ready="true"]');
    await eve.in(group).send('/inject');
    const reply = page.locator('.message.incoming').last();
    await reply.locator('strong').waitFor();
    await reply.getByRole('button').click();
    await page.locator('#toast', { hasText: INJECT.toast }).waitFor();

    expect(await reply.locator('strong').textContent()).toBe(INJECT.text);
    expect(await reply.locator('.keyboard button').allTextContents()).toEqual([INJECT.button]);
    expect(await page.textContent('#chat-title')).toBe(INJECT.title);
    expect(await page.locator('#chat-list li').allTextContents()).toContain(INJECT.title);
    expect(await page.locator('#user-select option:checked').textContent()).toBe(`${INJECT.name} (${eve.id})`);
    expect(await page.locator('.message.outgoing .text').textContent()).toBe('/inject');
    expect(await page.locator('#app img, #app script, #app b').count()).toBe(0);
    expect(await page.evaluate('window.__injected')).toBeUndefined();
    await page.close();
  }, 30_000);
});
