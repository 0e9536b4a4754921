import { libraryConfig } from '../../tools/tsup/library';

// The library (`index`) and the `plume-simulator` command (`cli`, which keeps its #! line).
export default libraryConfig({ entry: ['src/index.ts', 'src/cli.ts'] });
