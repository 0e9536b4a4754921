// The workspace's lint configuration lives in tools/eslint/ (with the module-boundary rule and
// its tests); see CONTRIBUTING.md for the boundary rules.
export { default } from './tools/eslint/workspace-config.mjs';
