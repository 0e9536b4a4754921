import { libraryConfig } from '../../tools/tsup/library';

// The library (`index`) and the `telegram-sandbox` command (`cli`, which keeps its #! line). `shims`
// gives the ESM build `__dirname`, by which the server finds the web chat's script (tsup.web.config.ts).
export default libraryConfig({ entry: ['src/index.ts', 'src/cli.ts'], shims: true });
