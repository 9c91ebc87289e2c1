/**
 * The layers, checked by `npm test` (npm run lint:deps); see docs/ARCHITECTURE.md.
 * Type-only imports count for cycles (they tie modules together as much) and are allowed across
 * layers where a layer only names another's types.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules import each other: split out what both need.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'The domain is pure: no reading, writing, terminal or config loading (types are fine).',
      from: { path: '^src/domain/' },
      to: { path: '^src/(io|ui|commands|config)/|^src/(cli|lifecycle|context)\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'domain-speaks-no-language',
      comment: 'The domain returns codes and numbers: words and rounding belong to src/i18n/ and the writers (format.ts).',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/i18n/|^src/format\\.ts$' },
    },
    {
      name: 'domain-no-node-io',
      severity: 'error',
      comment: 'The domain is pure: no file system, processes or network.',
      from: { path: '^src/domain/' },
      to: { dependencyTypes: ['core'], path: '^(node:)?(fs|fs/promises|child_process|net|http|https|os|process|readline|tty)$' },
    },
    {
      name: 'model-below-commands',
      severity: 'error',
      comment: 'The entity model sits between readers and the domain: it never imports a command or the terminal.',
      from: { path: '^src/model/' },
      to: { path: '^src/(commands|ui)/|^src/cli\\.ts$' },
    },
    {
      name: 'readers-and-writers-below-commands',
      severity: 'error',
      comment: 'io/ is used by commands, never the other way round.',
      from: { path: '^src/io/' },
      to: { path: '^src/(commands|ui|domain)/|^src/cli\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'command-not-command',
      severity: 'error',
      comment: 'A command never imports another: what two commands share lives in collect/, i18n/ or below.',
      from: { path: '^src/commands/([^/]+)/' },
      to: { path: '^src/commands/', pathNot: '^src/commands/$1/' },
    },
    {
      name: 'collect-below-commands',
      severity: 'error',
      comment: 'collect/ (reading many exports into the model) is used by commands, never the other way round.',
      from: { path: '^src/collect/' },
      to: { path: '^src/commands/|^src/cli\\.ts$' },
    },
    {
      name: 'no-orphans',
      severity: 'error',
      comment: 'A module nothing imports is dead code (or a new entry point to list here).',
      from: { orphan: true, path: '^src/', pathNot: '^src/cli\\.ts$|\\.d\\.ts$' },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js'] },
  },
};
