import { appConfig } from '../../tools/tsup/library';

// The benchmarks (bench/, run by hand) are bundled beside the bot as dist/bench.js and
// dist/bench-shared.js, dist/bench-monitoring.js, dist/bench-status-monitoring.js, dist/bench-jobs.js and dist/bench-replicas.js, the key rotation (npm run rotate-key) as
// dist/rotate-key.js, and the chart worker (a thread the bot starts at its first chart) as
// dist/render-worker.js, and the container's health check as dist/healthcheck.js.
export default appConfig({
  entry: {
    main: 'src/main.ts',
    bench: 'bench/status.ts',
    'bench-shared': 'bench/shared-credential.ts',
    'bench-monitoring': 'bench/monitoring.ts',
    'bench-status-monitoring': 'bench/status-monitoring.ts',
    'bench-jobs': 'bench/jobs.ts',
    'bench-replicas': 'bench/replicas.ts',
    'rotate-key': 'src/rotate-key.ts',
    'render-worker': 'src/charts/render-worker.ts',
    healthcheck: 'src/healthcheck.ts',
  },
});
