import { appConfig } from '../../tools/tsup/library';

// The benchmark (bench/, run by hand) is bundled beside the bot as dist/bench.js, and the key
// rotation (npm run rotate-key) as dist/rotate-key.js.
export default appConfig({ entry: { main: 'src/main.ts', bench: 'bench/status.ts', 'rotate-key': 'src/rotate-key.ts' } });
