/**
 * Devlog's HTTP entry point: Express 5 in front of Payload's REST and GraphQL handlers and of
 * Next.js (the Payload admin).
 * `npm run build:server` bundles it into `build/server.js` with the libraries only the server uses,
 * SQLite's adapter and Drizzle among them: one file loads faster than their hundreds of modules
 * (the first 200 came 0.3–0.4 s sooner each time more of them moved into the bundle). Payload, its
 * admin, GraphQL and Lexical stay packages: Next.js loads them for the admin, and a second copy
 * would fail their `instanceof` checks on the objects the two share. The MongoDB adapter stays one
 * too (loaded only on MongoDB), as do the native drivers.
 * `npm run dev` and `npm start` run it with `--conditions=development|production`: Lexical's
 * default Node entry picks its build with a top-level `await import()`, which on Node 20
 * intermittently leaves the process exiting with code 13 (unsettled top-level await) before it
 * starts; the conditions select the build directly.
 */
import nextEnv from '@next/env'

import { projectRoot } from './lib/projectRoot'

const root = projectRoot(import.meta.url)
const dev = process.env.NODE_ENV !== 'production'
// Before anything reads the environment: the Payload config is evaluated on import.
nextEnv.loadEnvConfig(root, dev, { info: () => {}, error: console.error })

const { startServer } = await import('./http/startServer')
const { ConfigError } = await import('./env')
const { DatabaseConfigError } = await import('./db/resolveDatabase')

try {
  await startServer({ root, dev })
} catch (error) {
  if (error instanceof ConfigError || error instanceof DatabaseConfigError) {
    console.error(`Devlog cannot start: ${error.message}`)
  } else {
    console.error('Devlog failed to start:', error)
  }
  process.exit(1)
}
