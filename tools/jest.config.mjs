import preset from './jest/preset.mjs';

export default { ...preset, displayName: 'workspace-tools', testTimeout: 30_000 };
