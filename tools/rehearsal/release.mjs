// Releases the workspace's public packages to the rehearsal registry the way CI does: pending
// changesets become versions (`changeset version`), then `changeset publish`. It works on a copy
// of the manifests, changesets and each package's shipped files, so the checkout itself is never
// modified.
import { cp, mkdir, readFile, readdir, symlink } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { run, tail } from './exec.mjs';

/** What npm always packs, besides the folders and files a manifest's `files` names. */
const ALWAYS_SHIPPED = ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE'];

/**
 * The files to copy for a package: what npm would pack (its `files`, e.g. plume-charts' `fonts/`
 * beside `dist/`), so a file left out of the copy cannot pass unnoticed as it would not in a real
 * publish.
 */
function shipped(manifest) {
  return manifest.private ? ['package.json'] : [...ALWAYS_SHIPPED, ...(manifest.files ?? ['dist'])];
}

/** The workspace's projects: { dir (relative), manifest }. */
export async function workspaceProjects(root) {
  const { workspaces } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  const projects = [];
  for (const pattern of workspaces) {
    const dirs = pattern.endsWith('/*')
      ? (await readdir(join(root, pattern.slice(0, -2)))).map((d) => join(pattern.slice(0, -2), d))
      : [pattern];
    for (const dir of dirs) {
      const file = join(root, dir, 'package.json');
      if (existsSync(file)) projects.push({ dir, manifest: JSON.parse(await readFile(file, 'utf8')) });
    }
  }
  return projects;
}

/**
 * Copies what a release needs into `dir`, runs `changeset version` and `changeset publish`
 * against the registry named by `env`'s npm user config. Resolves to the published libraries:
 * [{ name, version, dir }].
 */
export async function releaseWorkspace({ root, dir, env, log }) {
  const projects = await workspaceProjects(root);
  await mkdir(dir, { recursive: true });
  await cp(join(root, 'package.json'), join(dir, 'package.json'));
  await cp(join(root, 'package-lock.json'), join(dir, 'package-lock.json'));
  await cp(join(root, '.changeset'), join(dir, '.changeset'), { recursive: true });
  await symlink(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  for (const project of projects) {
    for (const file of shipped(project.manifest)) {
      const from = join(root, project.dir, file);
      if (existsSync(from)) await cp(from, join(dir, project.dir, file), { recursive: true });
    }
    if (!project.manifest.private && !existsSync(join(root, project.dir, 'dist'))) {
      throw new Error(`${project.manifest.name} has no dist/: build the libraries first (npx nx run-many -t build)`);
    }
  }
  const changeset = join(root, 'node_modules/@changesets/cli/bin.js');
  const pending = (await readdir(join(dir, '.changeset'))).filter((f) => f.endsWith('.md') && f !== 'README.md');
  if (pending.length > 0) {
    log(`changeset version (${pending.length} pending changesets)`);
    const version = await run(process.execPath, [changeset, 'version'], { cwd: dir, env });
    if (version.code !== 0) throw new Error(`changeset version failed:\n${tail(version)}`);
  } else {
    log('no pending changesets: publishing the current versions');
  }
  log('changeset publish');
  const publish = await run(process.execPath, [changeset, 'publish', '--no-git-tag'], { cwd: dir, env });
  if (publish.code !== 0) throw new Error(`changeset publish failed:\n${tail(publish)}`);

  const released = [];
  for (const project of projects.filter((p) => !p.manifest.private)) {
    const manifest = JSON.parse(await readFile(join(dir, project.dir, 'package.json'), 'utf8'));
    released.push({ name: manifest.name, version: manifest.version, dir: project.dir });
  }
  return released;
}
