import { appConfig } from '../../tools/tsup/library';

export default appConfig({ entry: ['src/main.ts'] });
