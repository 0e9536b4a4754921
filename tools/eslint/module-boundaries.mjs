/**
 * `@org/module-boundaries`: the workspace's project-boundary lint rule, equivalent to Nx's
 * `@nx/enforce-module-boundaries` (whose plugin has no release for Nx 24 on our registry).
 *
 * Projects are the npm workspaces of the root package.json; their tags are `nx.tags` in each
 * project's package.json, as Nx reads them. Each `depConstraints` entry applies to the projects
 * carrying its `sourceTag` (`*` for all) and may say:
 * - `onlyDependOnLibsWithTags`: a workspace project may be imported only if it has one of these tags;
 * - `notDependOnLibsWithTags`: a workspace project with any of these tags may not be imported;
 * - `allowedExternalImports`: the only third-party packages (and `node:` built-ins) the project's
 *   source may import; `[]` allows none;
 * - `bannedExternalImports`: third-party packages the project's source may not import.
 * Patterns may end in `*` (`node:*`, `@telegraf/*`).
 *
 * Also reported: a relative import from `src/` that leaves its project, a deep import into another
 * project (`@org/x/src/…`, `@org/x/dist/…`) and a project's source importing itself by name. Config files
 * at a project's root may reach the shared settings in tools/.
 * External-import constraints apply to a project's shipped source (`src/**`, test files and
 * test-only helpers excluded: see TEST_FILE);
 * tests, benchmarks and config files may use the project's devDependencies, including other
 * libraries, but only the `type:*` constraints (a library never imports an app) hold for them.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';

const BUILTINS = new Set(builtinModules);
// Test files and test-only helpers: `*.test.ts`, `*.spec.ts`, `test-support.ts`, and anything in a
// `testing/` or `__tests__/` folder. They are never part of a package's public entry.
const TEST_FILE = /(\.(test|spec)\.[cm]?[jt]sx?|[/\\]test-support\.[cm]?[jt]sx?)$|[/\\](testing|__tests__)[/\\]/;
const workspaces = new Map();

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function findWorkspaceRoot(from) {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && Array.isArray(readJson(manifest).workspaces)) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

function expandWorkspaceGlob(root, pattern) {
  if (!pattern.endsWith('/*')) return [join(root, pattern)];
  const parent = join(root, pattern.slice(0, -2));
  if (!existsSync(parent)) return [];
  return readdirSync(parent)
    .map((entry) => join(parent, entry))
    .filter((dir) => statSync(dir).isDirectory());
}

/** Reads the workspace's projects once per lint run and root: name, root folder and tags. */
function loadWorkspace(root) {
  if (workspaces.has(root)) return workspaces.get(root);
  const projects = [];
  for (const pattern of readJson(join(root, 'package.json')).workspaces) {
    for (const dir of expandWorkspaceGlob(root, pattern)) {
      const manifest = join(dir, 'package.json');
      if (!existsSync(manifest)) continue;
      const pkg = readJson(manifest);
      // The subpaths a project publishes (`./plume` in its exports map) may be imported; others are deep imports.
      const entries = pkg.exports && typeof pkg.exports === 'object' ? Object.keys(pkg.exports) : [];
      const subpaths = new Set(entries.filter((key) => key.startsWith('./')).map((key) => key.slice(1)));
      projects.push({ name: pkg.name, root: dir, tags: pkg.nx?.tags ?? [], subpaths });
    }
  }
  const workspace = { root, projects, byName: new Map(projects.map((p) => [p.name, p])) };
  workspaces.set(root, workspace);
  return workspace;
}

function projectOf(workspace, file) {
  let best;
  for (const project of workspace.projects) {
    if (file.startsWith(project.root + sep) && (!best || project.root.length > best.root.length)) {
      best = project;
    }
  }
  return best;
}

/** `@scope/name/sub` → `@scope/name`; `fs` → `node:fs`; `node:fs/promises` → `node:fs/promises`. */
function packageNameOf(specifier) {
  if (specifier.startsWith('node:')) return specifier;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  if (BUILTINS.has(specifier) || BUILTINS.has(name)) return `node:${specifier}`;
  return name;
}

function matches(patterns, name) {
  return patterns.some((pattern) => (pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern));
}

function listOrNone(items) {
  return items.length === 0 ? 'none' : items.join(', ');
}

function constraintsFor(project, depConstraints) {
  return depConstraints.filter((c) => c.sourceTag === '*' || project.tags.includes(c.sourceTag));
}

/** @type {import('eslint').Rule.RuleModule} */
const moduleBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep imports within the workspace’s project boundaries and tag rules.' },
    schema: [
      {
        type: 'object',
        properties: {
          depConstraints: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                sourceTag: { type: 'string' },
                onlyDependOnLibsWithTags: { type: 'array', items: { type: 'string' } },
                notDependOnLibsWithTags: { type: 'array', items: { type: 'string' } },
                allowedExternalImports: { type: 'array', items: { type: 'string' } },
                bannedExternalImports: { type: 'array', items: { type: 'string' } },
              },
              required: ['sourceTag'],
              additionalProperties: false,
            },
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      relativeEscape:
        "'{{specifier}}' reaches outside project '{{project}}'. Import the other project by its package name instead.",
      deepImport:
        "'{{specifier}}' reaches into the internals of '{{target}}'. Import '{{target}}' itself: its public surface is its index and exports map.",
      selfImport: "'{{project}}' imports itself by name. Use a relative import inside the project.",
      libTags:
        "'{{project}}' ({{tags}}) may not import '{{target}}' ({{targetTags}}): it may depend only on projects tagged {{allowed}}.",
      bannedLibTags:
        "'{{project}}' ({{tags}}) may not import '{{target}}' ({{targetTags}}): projects tagged {{banned}} are off limits to it.",
      externalNotAllowed:
        "'{{project}}' ({{tags}}) may not import '{{name}}': its allowed external imports are {{allowed}}.",
      externalBanned: "'{{project}}' ({{tags}}) may not import '{{name}}': it is banned for projects tagged {{tag}}.",
    },
  },
  create(context) {
    const filename = context.filename;
    const root = findWorkspaceRoot(dirname(filename));
    if (!root) return {};
    const workspace = loadWorkspace(root);
    const project = projectOf(workspace, filename);
    if (!project) return {};
    const depConstraints = constraintsFor(project, context.options[0]?.depConstraints ?? []);
    const inSource = relative(project.root, filename).split(sep)[0] === 'src';
    const shipped = inSource && !TEST_FILE.test(filename);
    const tags = project.tags.join(', ') || 'no tags';

    function check(node, specifier) {
      if (typeof specifier !== 'string') return;
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        const target = resolve(dirname(filename), specifier);
        if (inSource && target !== project.root && !target.startsWith(project.root + sep)) {
          context.report({ node, messageId: 'relativeEscape', data: { specifier, project: project.name } });
        }
        return;
      }
      const name = packageNameOf(specifier);
      const target = workspace.byName.get(name);
      if (target) {
        checkWorkspaceImport(node, specifier, target);
      } else if (shipped) {
        checkExternalImport(node, name);
      }
    }

    function checkWorkspaceImport(node, specifier, target) {
      const data = {
        project: project.name,
        target: target.name,
        tags,
        targetTags: target.tags.join(', ') || 'no tags',
      };
      if (target === project) {
        // Benchmarks and rehearsal files use the project as its consumers do; its source may not.
        if (inSource) context.report({ node, messageId: 'selfImport', data });
        return;
      }
      const subpath = specifier.slice(target.name.length);
      if (subpath !== '' && !target.subpaths.has(subpath) && subpath !== '/package.json') {
        context.report({ node, messageId: 'deepImport', data: { ...data, specifier } });
      }
      // Tests, benchmarks and rehearsal files may use any library (a simulator, a sandbox) as a
      // devDependency; only the `type:*` constraints (never an app from a library) hold for them.
      const constraints = shipped ? depConstraints : depConstraints.filter((c) => c.sourceTag.startsWith('type:'));
      for (const c of constraints) {
        const only = c.onlyDependOnLibsWithTags;
        if (only && !target.tags.some((t) => only.includes(t))) {
          context.report({ node, messageId: 'libTags', data: { ...data, allowed: listOrNone(only) } });
        }
        const banned = c.notDependOnLibsWithTags;
        if (banned && target.tags.some((t) => banned.includes(t))) {
          context.report({ node, messageId: 'bannedLibTags', data: { ...data, banned: banned.join(', ') } });
        }
      }
    }

    function checkExternalImport(node, name) {
      for (const c of depConstraints) {
        if (c.allowedExternalImports && !matches(c.allowedExternalImports, name)) {
          context.report({
            node,
            messageId: 'externalNotAllowed',
            data: { project: project.name, tags, name, allowed: listOrNone(c.allowedExternalImports) },
          });
        }
        if (c.bannedExternalImports && matches(c.bannedExternalImports, name)) {
          context.report({
            node,
            messageId: 'externalBanned',
            data: { project: project.name, tags, name, tag: c.sourceTag },
          });
        }
      }
    }

    const fromSource = (node) => node.source && check(node.source, node.source.value);
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
      TSImportEqualsDeclaration: (node) =>
        node.moduleReference.type === 'TSExternalModuleReference' &&
        check(node.moduleReference.expression, node.moduleReference.expression.value),
      CallExpression: (node) => {
        const [arg] = node.arguments;
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && arg?.type === 'Literal') {
          check(arg, arg.value);
        }
      },
    };
  },
};

export default { meta: { name: '@org/eslint-plugin-boundaries' }, rules: { 'module-boundaries': moduleBoundaries } };
