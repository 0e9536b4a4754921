import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { summarize } from '../scripts/summary.mjs';

// The `N passed, N failed` line is what CI reads: it must count every jest test, every rehearsal
// check, and every failure that left no test result behind.
let root: string;

function workspace(
  results: Record<string, { numPassedTests: number; numFailedTests: number; numRuntimeErrorTestSuites?: number }>,
): void {
  root = mkdtempSync(join(tmpdir(), 'summary-test-'));
  writeFileSync(join(root, 'package.json'), JSON.stringify({ workspaces: ['packages/*', 'tools'] }));
  for (const dir of ['packages/a', 'packages/b', 'tools']) mkdirSync(join(root, dir), { recursive: true });
  for (const [dir, result] of Object.entries(results)) {
    writeFileSync(join(root, dir, '.jest-results.json'), JSON.stringify({ numRuntimeErrorTestSuites: 0, ...result }));
  }
}

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('summarize', () => {
  it('adds the tests of every project and the rehearsal checks', () => {
    workspace({
      'packages/a': { numPassedTests: 3, numFailedTests: 1 },
      tools: { numPassedTests: 2, numFailedTests: 0 },
    });
    writeFileSync(join(root, '.rehearsal-results.json'), JSON.stringify({ passed: 4, failed: 0 }));
    expect(summarize({ root, nxOutput: '', rehearsalRan: true })).toEqual({
      line: '9 passed, 1 failed',
      ok: false,
      notes: [],
    });
  });

  it('counts a test suite that crashed before running its tests', () => {
    workspace({ 'packages/a': { numPassedTests: 0, numFailedTests: 0, numRuntimeErrorTestSuites: 1 } });
    expect(summarize({ root, nxOutput: '', rehearsalRan: false }).line).toBe('0 passed, 1 failed');
  });

  it('counts a failed lint or build task once, and a failed test task by its tests only', () => {
    workspace({ 'packages/b': { numPassedTests: 5, numFailedTests: 2 } });
    const nxOutput = '\u001b[31mFailed tasks:\u001b[39m\n\n - @org/a:lint\n - @org/b:test\n';
    expect(summarize({ root, nxOutput, rehearsalRan: false })).toMatchObject({
      line: '5 passed, 3 failed',
      notes: ['@org/a:lint failed'],
    });
  });

  it('counts a rehearsal that ran but wrote no results', () => {
    workspace({ 'packages/a': { numPassedTests: 1, numFailedTests: 0 } });
    expect(summarize({ root, nxOutput: '', rehearsalRan: true })).toEqual({
      line: '1 passed, 1 failed',
      ok: false,
      notes: ['the publish rehearsal wrote no results'],
    });
  });

  it('counts an Nx run that failed without a failed task to show for it', () => {
    workspace({ 'packages/a': { numPassedTests: 1, numFailedTests: 0 } });
    expect(
      summarize({ root, nxOutput: 'NX   Could not create the project graph', rehearsalRan: false, nxExitCode: 1 }),
    ).toEqual({
      line: '1 passed, 1 failed',
      ok: false,
      notes: ['nx exited with code 1 without a failed task to count'],
    });
  });

  it('is green only when nothing failed', () => {
    workspace({ 'packages/a': { numPassedTests: 7, numFailedTests: 0 } });
    expect(summarize({ root, nxOutput: '', rehearsalRan: false, nxExitCode: 0 })).toEqual({
      line: '7 passed, 0 failed',
      ok: true,
      notes: [],
    });
  });

  it('counts unformatted files as one failure', () => {
    workspace({ 'packages/a': { numPassedTests: 7, numFailedTests: 0 } });
    expect(summarize({ root, nxOutput: '', rehearsalRan: false, formatted: false })).toEqual({
      line: '7 passed, 1 failed',
      ok: false,
      notes: ['files not formatted with Prettier: run `npm run format`'],
    });
  });
});
