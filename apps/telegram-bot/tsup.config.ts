import { appConfig } from '../../tools/tsup/library';

// The benchmarks (bench/, run by hand) are bundled beside the bot as dist/bench.js and
// dist/bench-shared.js, and the key rotation (npm run rotate-key) as dist/rotate-key.js.
export default appConfig({
  entry: {
    main: 'src/main.ts',
    bench: 'bench/status.ts',
    'bench-shared': 'bench/shared-credential.ts',
    'rotate-key': 'src/rotate-key.ts',
  },
});
