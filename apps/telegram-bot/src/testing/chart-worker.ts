import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The chart worker's source, which Node runs as it is (erasable TypeScript): what tests pass as `chartWorker`. */
export const TEST_CHART_WORKER = pathToFileURL(join(__dirname, '..', 'charts', 'render-worker.ts'));
