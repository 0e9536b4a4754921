// Counts the results of a workspace test run: every jest test (from each project's
// .jest-results.json), every publish-rehearsal check, and every failed Nx task that is not a test
// run (a lint, typecheck, build or package check), into the plain line `N passed, N failed`.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The .jest-results.json paths of every project of the workspace. */
export function projectResults(root) {
  const { workspaces } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return workspaces.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [join(root, pattern, '.jest-results.json')];
    const parent = join(root, pattern.slice(0, -2));
    return existsSync(parent) ? readdirSync(parent).map((d) => join(parent, d, '.jest-results.json')) : [];
  });
}

/** Text without terminal colour codes. */
export function plainText(output) {
  return output.replace(/\u001b\[[0-9;]*m/g, '');
}

function failedTasks(nxOutput) {
  const section = plainText(nxOutput).split('Failed tasks:')[1] ?? '';
  return [...section.matchAll(/^\s*- (\S+):(\S+)/gm)].map((m) => ({ project: m[1], target: m[2] }));
}

/**
 * The `N passed, N failed` line of a run, and a note on each failure that left no test result
 * behind (for the caller to print). `nxExitCode` catches an Nx run that failed without a failed task
 * to show for it (Nx itself crashed, or a project graph error): it counts as one failure, and so
 * does `formatted: false` (the Prettier check found unformatted files).
 */
export function summarize({ root, nxOutput, rehearsalRan, nxExitCode = 0, formatted = true }) {
  let passed = 0;
  let failed = 0;
  const notes = [];
  if (!formatted) {
    failed += 1;
    notes.push('files not formatted with Prettier: run `npm run format`');
  }
  for (const file of projectResults(root)) {
    if (!existsSync(file)) continue;
    const r = JSON.parse(readFileSync(file, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
  }
  for (const task of failedTasks(nxOutput)) {
    const resultsOfTest =
      task.target === 'test' &&
      projectResults(root).some((f) => f.includes(`/${task.project.replace('@org/', '')}/`) && existsSync(f));
    if (resultsOfTest) continue; // its failures are counted test by test above
    failed += 1;
    notes.push(`${task.project}:${task.target} failed`);
  }
  const rehearsalFile = join(root, '.rehearsal-results.json');
  if (existsSync(rehearsalFile)) {
    const r = JSON.parse(readFileSync(rehearsalFile, 'utf8'));
    passed += r.passed;
    failed += r.failed;
  } else if (rehearsalRan) {
    failed += 1;
    notes.push('the publish rehearsal wrote no results');
  }
  if (nxExitCode !== 0 && failed === 0) {
    failed += 1;
    notes.push(`nx exited with code ${nxExitCode} without a failed task to count`);
  }
  return { line: `${passed} passed, ${failed} failed`, ok: failed === 0, notes };
}
