import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** The web chat's script inside the package, as `npm run build` writes it (see tsup.web.config.ts). */
const SCRIPT_IN_PACKAGE = join('dist', 'web', 'app.js');

/**
 * The folder of the nearest package.json at or above `from`: the package root, whether this code
 * runs bundled (from `dist/`) or as source (from `src/web/`, in the package's own tests).
 */
function packageRoot(from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** Where the web chat's built script is expected. */
export function clientScriptPath(): string {
  return join(packageRoot(__dirname) ?? __dirname, SCRIPT_IN_PACKAGE);
}

/**
 * The web chat's browser script (built from `src/web/client/`).
 *
 * @throws {Error} when it is missing, with the path and the command that builds it.
 */
export async function loadClientScript(): Promise<string> {
  const path = clientScriptPath();
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(
      `The web chat's script is missing at ${path}: build the package first (npm run nx -- run @org/telegram-sandbox:build).`,
      { cause: error },
    );
  }
}
