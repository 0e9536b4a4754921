import { describe, expect, it } from '@jest/globals';
import { Linter } from 'eslint';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import tseslint from 'typescript-eslint';

import workspaceConfig from '../eslint/workspace-config.mjs';

// Lints planted code as if it stood in a real project's file, through the workspace's real
// eslint.config.mjs, so a change to the tags, the constraints or the rule shows up here.
// The planted files exist in no tsconfig (nor on disk), so the type-aware rules are off for them.
const root = resolve(__dirname, '../..');
const linter = new Linter({ configType: 'flat', cwd: root });
const config = [
  ...(workspaceConfig as unknown as Linter.Config[]),
  tseslint.configs.disableTypeChecked as Linter.Config,
];

function boundaryErrors(file: string, code: string): string[] {
  return linter
    .verify(code, config, join(root, file))
    .filter((m) => m.ruleId === '@org/module-boundaries')
    .map((m) => m.message);
}

/** Every lint message of a rule, for planted code at `file`. */
function messagesOf(file: string, code: string, ruleId: string): string[] {
  return linter
    .verify(code, config, join(root, file))
    .filter((m) => m.ruleId === ruleId)
    .map((m) => m.message);
}

describe('the module-boundary lint rule, on planted imports', () => {
  it('rejects a third-party runtime import in plume-analytics', () => {
    const errors = boundaryErrors(
      'packages/plume-analytics/src/planted.ts',
      "import ky from 'ky';\nexport const k = ky;\n",
    );
    expect(errors).toEqual([
      "'@org/plume-analytics' (type:lib, scope:core) may not import 'ky': its allowed external imports are none.",
    ]);
  });

  it('rejects a Node built-in in bot-formatting, with or without the node: prefix', () => {
    const errors = boundaryErrors(
      'packages/bot-formatting/src/planted.ts',
      "import { readFileSync } from 'node:fs';\nimport path from 'path';\nexport const x = [readFileSync, path];\n",
    );
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain("may not import 'node:fs'");
    expect(errors[1]).toContain("may not import 'node:path'");
  });

  it('rejects telegraf in any library, even as a type-only import', () => {
    const errors = boundaryErrors(
      'packages/bot-formatting/src/planted.ts',
      "import type { Context } from 'telegraf';\nexport type C = Context;\n",
    );
    expect(errors).toContain(
      "'@org/bot-formatting' (type:lib, scope:core) may not import 'telegraf': it is banned for projects tagged type:lib.",
    );
  });

  it("lets only bot-formatting's telegraf adapter import telegraf, and types only", () => {
    const adapter = 'packages/bot-formatting/src/telegraf/planted.ts';
    const typeOnly = "import type { MessageEntity } from 'telegraf/types';\nexport type E = MessageEntity;\n";
    expect(boundaryErrors(adapter, typeOnly)).toEqual([]);
    expect(messagesOf(adapter, typeOnly, '@typescript-eslint/no-restricted-imports')).toEqual([]);
    const value = "import { Telegraf } from 'telegraf';\nexport const T = Telegraf;\n";
    expect(messagesOf(adapter, value, '@typescript-eslint/no-restricted-imports')).toHaveLength(1);
    // Next to the adapter, in the same project, telegraf is still banned.
    expect(boundaryErrors('packages/bot-formatting/src/plume/planted.ts', typeOnly)).toContain(
      "'@org/bot-formatting' (type:lib, scope:core) may not import 'telegraf': it is banned for projects tagged type:lib.",
    );
  });

  it("keeps bot-formatting's root free of analytics and its Plume renderers to analytics' types", () => {
    const runtime = "import { analyzePods } from '@org/plume-analytics';\nexport const a = analyzePods;\n";
    const types = "import type { PodDetail } from '@org/plume-analytics';\nexport type P = PodDetail;\n";
    const restricted = '@typescript-eslint/no-restricted-imports';
    expect(messagesOf('packages/bot-formatting/src/planted.ts', types, restricted)).toHaveLength(1);
    expect(messagesOf('packages/bot-formatting/src/plume/planted.ts', types, restricted)).toEqual([]);
    expect(messagesOf('packages/bot-formatting/src/plume/planted.ts', runtime, restricted)).toHaveLength(1);
  });

  it('lets plume-sdk import ky and zod but nothing else', () => {
    const allowed = boundaryErrors(
      'packages/plume-sdk/src/planted.ts',
      "import ky from 'ky';\nimport { z } from 'zod';\nexport const x = [ky, z];\n",
    );
    expect(allowed).toEqual([]);
    const denied = boundaryErrors(
      'packages/plume-sdk/src/planted.ts',
      "import axios from 'axios';\nimport { Telegraf } from 'telegraf';\nimport { request } from 'node:http';\nexport const x = [axios, Telegraf, request];\n",
    );
    expect(denied).toEqual([
      "'@org/plume-sdk' (type:lib, scope:sdk) may not import 'axios': its allowed external imports are ky, zod.",
      "'@org/plume-sdk' (type:lib, scope:sdk) may not import 'telegraf': it is banned for projects tagged type:lib.",
      "'@org/plume-sdk' (type:lib, scope:sdk) may not import 'telegraf': its allowed external imports are ky, zod.",
      "'@org/plume-sdk' (type:lib, scope:sdk) may not import 'node:http': its allowed external imports are ky, zod.",
    ]);
  });

  it('rejects a library importing the app', () => {
    const errors = boundaryErrors(
      'packages/plume-sdk/src/planted.ts',
      "export { createBot } from '@org/telegram-bot';\n",
    );
    expect(errors[0]).toBe(
      "'@org/plume-sdk' (type:lib, scope:sdk) may not import '@org/telegram-bot' (type:app): it may depend only on projects tagged type:lib.",
    );
  });

  it('rejects a relative import out of the project and a deep import into another', () => {
    const errors = boundaryErrors(
      'packages/bot-formatting/src/planted.ts',
      "import { a } from '../../plume-analytics/src/index';\nimport type { B } from '@org/plume-analytics/src/types';\nexport const x = [a as B];\n",
    );
    expect(errors).toEqual([
      "'../../plume-analytics/src/index' reaches outside project '@org/bot-formatting'. Import the other project by its package name instead.",
      "'@org/plume-analytics/src/types' reaches into the internals of '@org/plume-analytics'. Import '@org/plume-analytics' itself: its public surface is its index and exports map.",
    ]);
  });

  it("accepts a subpath of another project's exports map, and only those", () => {
    const code =
      "import { renderPodDetails } from '@org/bot-formatting/plume';\nimport { x } from '@org/bot-formatting/dist/plume/index';\nexport const y = [renderPodDetails, x];\n";
    const errors = boundaryErrors('apps/telegram-bot/src/planted.ts', code);
    expect(errors).toEqual([
      "'@org/bot-formatting/dist/plume/index' reaches into the internals of '@org/bot-formatting'. Import '@org/bot-formatting' itself: its public surface is its index and exports map.",
    ]);
  });

  it('accepts the dependencies the design allows', () => {
    expect(
      boundaryErrors(
        'packages/bot-formatting/src/planted.ts',
        "import type { X } from '@org/plume-analytics';\nexport type Y = X;\n",
      ),
    ).toEqual([]);
    expect(
      boundaryErrors(
        'apps/telegram-bot/src/planted.ts',
        "import { Telegraf } from 'telegraf';\nimport { PlumeClient } from '@org/plume-sdk';\nexport const x = [Telegraf, PlumeClient];\n",
      ),
    ).toEqual([]);
  });

  it('leaves tests free to use dev dependencies and other libraries, but not to import the app', () => {
    expect(
      boundaryErrors(
        'packages/plume-analytics/src/planted.test.ts',
        "import fc from 'fast-check';\nexport const x = fc;\n",
      ),
    ).toEqual([]);
    expect(
      boundaryErrors(
        'packages/plume-sdk/src/planted.test.ts',
        "import { startSimulator } from '@org/plume-simulator';\nexport const s = startSimulator;\n",
      ),
    ).toEqual([]);
    expect(
      boundaryErrors(
        'packages/plume-sdk/src/testing/helpers.ts',
        "import { startSimulator } from '@org/plume-simulator';\nexport const s = startSimulator;\n",
      ),
    ).toEqual([]);
    expect(
      boundaryErrors(
        'packages/plume-sdk/src/planted.ts',
        "import { startSimulator } from '@org/plume-simulator';\nexport const s = startSimulator;\n",
      ),
    ).toEqual([
      "'@org/plume-sdk' (type:lib, scope:sdk) may not import '@org/plume-simulator' (type:lib, scope:node): it may depend only on projects tagged scope:core.",
    ]);
    expect(boundaryErrors('packages/plume-analytics/src/planted.test.ts', "import '@org/telegram-bot';\n")).toEqual([
      "'@org/plume-analytics' (type:lib, scope:core) may not import '@org/telegram-bot' (type:app): it may depend only on projects tagged type:lib.",
    ]);
  });

  it('rejects a library importing itself by name from its source, not from its consumer files', () => {
    const code = "import { analyzeWanStats } from '@org/plume-analytics';\nexport const a = analyzeWanStats;\n";
    expect(boundaryErrors('packages/plume-analytics/src/planted.ts', code)).toEqual([
      "'@org/plume-analytics' imports itself by name. Use a relative import inside the project.",
    ]);
    expect(boundaryErrors('packages/plume-analytics/rehearsal/usage.ts', code)).toEqual([]);
  });

  it('makes the eslint command exit non-zero on a planted violation, type-aware rules included', () => {
    // The planted code stands in for a real file of a project's tsconfig (eslint reads it from stdin,
    // the file on disk is untouched), so the type-aware rules run as they do on the real source.
    const lint = spawnSync(
      process.execPath,
      [
        join(root, 'node_modules/eslint/bin/eslint.js'),
        '--stdin',
        '--stdin-filename',
        'packages/plume-analytics/src/index.ts',
      ],
      {
        cwd: root,
        input: "import { Telegraf } from 'telegraf';\nexport const t = Telegraf;\nPromise.resolve(t);\n",
        encoding: 'utf8',
      },
    );
    expect(lint.status).toBe(1);
    expect(lint.stdout).toContain("may not import 'telegraf'");
    expect(lint.stdout).toContain('@typescript-eslint/no-floating-promises');
  });
});
