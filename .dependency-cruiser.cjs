/**
 * Package boundary of `payload-devlog`.
 *
 * The npm package is everything under `collections/`; the app around it is `src/`, the root
 * `payload.config.ts`, the generated `payload-types.ts`, `bench/` and `tests/`. The rules below
 * keep the package from reaching back into the app and keep the layers inside the package in
 * one direction: entry (plugin/index) -> features -> shared (options.ts: read by all).
 *
 * Every path is relative to the cruise's base directory (the repository root for the CLI, a
 * fixture root in tests/unit/boundary.test.ts), so the rules are anchored with `^collections/`
 * and never mention /work/main or the like.
 *
 * CLI (from the repository root):
 *   npx depcruise collections --config .dependency-cruiser.cjs --output-type err-long
 *
 * Package imports are extensionless (`moduleResolution: bundler`; tsc-alias adds `.js` to the
 * compiled output), so the resolver below only needs the TypeScript extensions listed.
 */
const path = require('node:path')

const FEATURES = '(core|blog|retrospectives|studyGroups|webhooks|delivery|transfer|guard)'

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'package-not-to-app',
      comment:
        'collections/ is the npm package: it must not import the app around it (src/, payload.config.ts, ' +
        'payload-types.ts, bench/, tests/). Move what it needs into collections/shared/ or take it as a plugin option.',
      severity: 'error',
      from: { path: '^collections/' },
      to: { path: '^(src/|bench/|tests/|payload\\.config\\.ts$|payload-types\\.ts$)' },
    },
    {
      name: 'shared-not-to-features',
      comment:
        'collections/shared/ sits under every feature: it must not import a feature folder nor the entry ' +
        '(collections/plugin.ts, index.ts). It may read the sanitised options (collections/options.ts).',
      severity: 'error',
      from: { path: '^collections/shared/' },
      to: { path: `^collections/(${FEATURES}/|(plugin|index)\\.ts$)` },
    },
    {
      name: 'features-not-to-entry',
      comment: 'The entry (collections/plugin.ts, index.ts) composes the features; a feature never imports the entry.',
      severity: 'error',
      from: { path: `^collections/${FEATURES}/` },
      to: { path: '^collections/(plugin|index)\\.ts$' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles inside the package (type-only imports count too).',
      severity: 'error',
      from: { path: '^collections/' },
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'A relative import inside the package that does not resolve to a file on disk.',
      severity: 'error',
      from: { path: '^collections/' },
      // An unresolved dependency keeps the specifier as written as its path: only relative ones.
      to: { couldNotResolve: true, path: '^\\.{1,2}/' },
    },
  ],
  options: {
    doNotFollow: { path: '(^|/)node_modules/' },
    exclude: { path: ['(^|/)node_modules/', '^(dist|build|\\.next)/'] },
    // Type-only imports (`import type`, `export type`) are dependencies too.
    tsPreCompilationDeps: true,
    // Absolute, so it does not depend on the working directory or on the cruise's baseDir.
    tsConfig: { fileName: path.join(__dirname, 'tsconfig.json') },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.jsx', '.mjs', '.cjs', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
}
