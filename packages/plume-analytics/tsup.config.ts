import { libraryConfig } from '../../tools/tsup/library';

export default libraryConfig();
