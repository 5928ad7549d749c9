/**
 * Bundles Devlog's HTTP server (src/server.ts) into `build/server.js` and its lazily loaded parts
 * into `build/server-chunks/`.
 *
 * Payload, its plugins, adapters, GraphQL and Lexical are bundled with the server: Node 20 loads
 * an ES module graph one file at a time (resolve, read, compile), and Payload alone is some 550
 * modules, while one bundle also lets esbuild drop what Payload's index exports but the server
 * never calls (Payload declares itself free of side effects). Everything that imports Payload
 * inside the server process must be in the bundle, or it would bring a second copy whose error
 * classes fail Payload's `instanceof` checks (the build fails when one would); what is only needed
 * sometimes (the MongoDB adapter, GraphQL's route, migrations, e-mail) is imported dynamically and
 * lands in its own chunk.
 *
 * Left as packages: Next.js and React, which the admin loads itself (Next bundles its own copy of
 * Payload's admin code in `.next`); native or worker-loading packages (libsql, sharp, pino, which
 * starts its transports from files); the MongoDB driver and Mongoose, loaded only on MongoDB;
 * happy-dom and Monaco, served or loaded from their package folders.
 */
import { readFileSync, rmSync } from 'node:fs'
import { build } from 'esbuild'

const versions = new Map()
/** The folder, `name@version` and file within of the installed package `file` belongs to, if any. */
function packageOf(file) {
  const inPackage = file.match(/^((?:.*\/)?node_modules\/((?:@[^/]+\/)?[^/]+))\/(.*)$/)
  if (!inPackage) return null
  const [, root, name, rest] = inPackage
  if (!versions.has(root)) versions.set(root, JSON.parse(readFileSync(`${root}/package.json`, 'utf8')).version)
  return { root, key: `${name}@${versions.get(root)}`, rest }
}

/**
 * npm sometimes installs one version of a package twice, nested under two of its dependents
 * (Drizzle under both @payloadcms/drizzle and @payloadcms/db-sqlite). Bundled as two copies, each
 * copy's classes are foreign to the other, so Drizzle's `is()` misses its `instanceof` shortcut and
 * walks the prototype chain for every column and fragment of every query it builds. Every import
 * of a package is pointed at the first copy of its version resolved; a copy's own relative imports
 * then stay inside that copy.
 */
const oneCopyPerVersion = {
  name: 'one-copy-per-version',
  setup(build) {
    const resolving = Symbol('resolving')
    const firstCopy = new Map()
    build.onResolve({ filter: /^[^./]/ }, async ({ path, pluginData, ...args }) => {
      if (pluginData === resolving) return undefined
      const resolved = await build.resolve(path, { ...args, pluginData: resolving })
      const copy = !resolved.errors.length && !resolved.external && packageOf(resolved.path)
      // Otherwise esbuild's own resolution again, which leaves a `require` it cannot resolve inside
      // a `try` to fail at run time, as its package expects.
      if (!copy) return undefined
      if (!firstCopy.has(copy.key)) firstCopy.set(copy.key, copy.root)
      return { ...resolved, path: `${firstCopy.get(copy.key)}/${copy.rest}` }
    })
  },
}

const external = [
  'next',
  'next/*',
  '@next/*',
  'react',
  'react/*',
  'react-dom',
  'react-dom/*',
  'libsql',
  'sharp',
  'pino',
  'mongodb',
  'mongoose',
  'happy-dom',
  'monaco-editor',
  '@monaco-editor/*',
]

rmSync('build/server-chunks', { recursive: true, force: true })
const { metafile } = await build({
  entryPoints: { server: 'src/server.ts' },
  outdir: 'build',
  chunkNames: 'server-chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Lexical's default Node entry picks its development or production build with a top-level
  // `await import()`; the condition selects the production build at bundle time instead.
  conditions: ['production'],
  external,
  // The CommonJS libraries in the bundle call `require` for Node's built-ins and the packages above.
  banner: {
    js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);",
  },
  logLevel: 'warning',
  metafile: true,
  plugins: [oneCopyPerVersion],
})

// A package left outside that imports Payload would load a second copy of it in the server.
const outsiders = new Set()
for (const output of Object.values(metafile.outputs)) {
  for (const imported of output.imports) if (imported.external) outsiders.add(imported.path)
}
const leftOut = [...outsiders].filter((path) => /^(payload|@payloadcms\/|lexical|@lexical\/)/.test(path))
if (leftOut.length) throw new Error(`The server bundle imports these from outside: ${leftOut.join(', ')}`)
const importsPayload = external.filter((name) => !name.includes('*') && dependsOnPayload(name))
if (importsPayload.length)
  throw new Error(`Packages left outside the server bundle import Payload: ${importsPayload.join(', ')}`)

const copies = new Map()
for (const input of Object.keys(metafile.inputs)) {
  const copy = packageOf(input)
  if (copy) copies.set(copy.key, new Set(copies.get(copy.key)).add(copy.root))
}
const twice = [...copies].filter(([, roots]) => roots.size > 1).map(([key]) => key)
if (twice.length) throw new Error(`The server bundle holds two copies of ${twice.join(', ')}`)

function dependsOnPayload(name) {
  const manifest = JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8'))
  return ['dependencies', 'peerDependencies'].some((field) => 'payload' in (manifest[field] ?? {}))
}
