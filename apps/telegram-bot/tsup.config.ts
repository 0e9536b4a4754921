import { appConfig } from '../../tools/tsup/library';

// The benchmark (bench/, run by hand) is bundled beside the bot as dist/bench.js.
export default appConfig({ entry: { main: 'src/main.ts', bench: 'bench/status.ts' } });
