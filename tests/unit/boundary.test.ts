import path from 'node:path'
import { cruise, type ICruiseOptions, type ICruiseResult } from 'dependency-cruiser'
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options'
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config'

/**
 * The package boundary (.dependency-cruiser.cjs): collections/ is the npm package and must not import
 * the app; shared/ never imports features or the entry; features never import the entry; no cycles;
 * no unresolvable relative imports. The rules are written relative to the cruise's base directory,
 * so the same file is run over a miniature fixture tree and over the repository itself.
 */

const root = path.resolve(import.meta.dirname, '../..')
const configFile = path.join(root, '.dependency-cruiser.cjs')
const fixtures = path.join(root, 'tests/fixtures/boundary')

type Violation = ICruiseResult['summary']['violations'][number]

let options: ICruiseOptions
let tsConfig: ReturnType<typeof extractTSConfig>

beforeAll(async () => {
  options = await extractDepcruiseOptions(configFile)
  tsConfig = extractTSConfig(options.tsConfig!.fileName!)
})

/** Cruises `targets` (paths relative to `baseDir`) with the repository's rule set; module paths come back relative to `baseDir`. */
async function check(baseDir: string, targets: string[]): Promise<ICruiseResult> {
  const { output } = await cruise(targets, { ...options, baseDir }, { bustTheCache: true }, { tsConfig })
  if (typeof output === 'string') throw new Error('expected a cruise result object, got reporter output')
  return output
}

const describeViolation = (v: Violation): string => `${v.rule.name}: ${v.from} → ${v.to}`

describe('package boundary rules (fixture tree)', () => {
  const base = path.join(fixtures, 'violations')
  let result: ICruiseResult

  beforeAll(async () => {
    result = await check(base, ['collections'])
  })

  it('resolves `.js` specifiers to the `.ts` files (moduleResolution: bundler), type-only imports included', () => {
    const posts = result.modules.find((m) => m.source === 'collections/blog/posts.ts')
    expect(posts?.dependencies).toEqual([
      expect.objectContaining({
        module: '../shared/lib/ids.js',
        resolved: 'collections/shared/lib/ids.ts',
        couldNotResolve: false,
      }),
    ])
    const postTypes = result.modules.find((m) => m.source === 'collections/blog/postTypes.ts')
    expect(postTypes?.dependencies).toEqual([
      expect.objectContaining({
        resolved: 'payload-types.ts',
        couldNotResolve: false,
        dependencyTypes: expect.arrayContaining(['type-only']),
      }),
    ])
  })

  it('reports each planted violation, with the offending file, and nothing else', () => {
    const { violations } = result.summary
    const acyclic = violations.filter((v) => v.rule.name !== 'no-circular').map(describeViolation)
    expect(acyclic.sort()).toEqual(
      [
        'package-not-to-app: collections/blog/readsEnv.ts → src/env.ts',
        'package-not-to-app: collections/blog/postTypes.ts → payload-types.ts',
        'shared-not-to-features: collections/shared/lib/featureLeak.ts → collections/blog/posts.ts',
        'features-not-to-entry: collections/blog/usesEntry.ts → collections/plugin.ts',
        'not-to-unresolvable: collections/transfer/missing.ts → ./doesNotExist.js',
      ].sort(),
    )
    expect(violations.every((v) => v.rule.severity === 'error')).toBe(true)
    expect(result.summary.error).toBe(violations.length)
  })

  it('reports the cycle (closed by a type-only import) among the files that form it', () => {
    const cycles = result.summary.violations.filter((v) => v.rule.name === 'no-circular')
    const loop = ['collections/retrospectives/areas.ts', 'collections/retrospectives/timeline.ts']
    expect(cycles.length).toBeGreaterThan(0)
    for (const v of cycles) {
      expect(loop).toContain(v.from)
      expect(loop).toContain(v.to)
      expect(v.cycle?.map((step) => step.name)).toEqual(expect.arrayContaining(loop))
    }
  })

  it('finds nothing in the clean tree, where only the app imports the package', async () => {
    const clean = await check(path.join(fixtures, 'clean'), ['collections', 'src'])
    expect(clean.summary.violations.map(describeViolation)).toEqual([])
    // The app → package imports are really there (and resolved), so "no violation" is not "no edge".
    const server = clean.modules.find((m) => m.source === 'src/server.ts')
    expect(server?.dependencies.map((d) => d.resolved).sort()).toEqual(
      ['collections/index.ts', 'payload-types.ts', 'src/env.ts'].sort(),
    )
  })
})

describe('package boundary rules (this repository)', () => {
  // Passes once the move into collections/<feature>/ is finished and nothing in the package imports the app.
  it('collections/ has no boundary violations', async () => {
    const result = await check(root, ['collections'])
    expect(result.summary.violations.map(describeViolation)).toEqual([])
    expect(result.summary.error).toBe(0)
  })
})
