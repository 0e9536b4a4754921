import { libraryConfig } from '../../tools/tsup/library';

// `shims` gives the ESM build `__dirname`, which locates the fonts shipped in `fonts/`.
export default libraryConfig({ shims: true });
