import { libraryConfig } from '../../tools/tsup/library';

// Three entries, one per subpath of the exports map: the generic core, the Plume renderers and the
// telegraf adapter. The peers (@org/plume-analytics, telegraf) stay external; only their types are used.
export default libraryConfig({
  entry: { index: 'src/index.ts', 'plume/index': 'src/plume/index.ts', 'telegraf/index': 'src/telegraf/index.ts' },
});
