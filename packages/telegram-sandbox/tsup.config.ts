import { libraryConfig } from '../../tools/tsup/library';

// The library (`index`) and the `telegram-sandbox` command (`cli`, which keeps its #! line).
export default libraryConfig({ entry: ['src/index.ts', 'src/cli.ts'] });
