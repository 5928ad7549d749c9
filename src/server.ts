/**
 * Devlog's HTTP entry point: Express 5 in front of Payload's REST and GraphQL handlers and of
 * Next.js (the Payload admin).
 * `npm run build:server` (scripts/buildServer.mjs) bundles it into `build/server.js` with Payload,
 * its plugins and adapters, GraphQL and Lexical, and says why: one bundle starts in about half the
 * time their thousand modules took.
 * `npm run dev` and `npm start` run it with `--conditions=development|production`, which the
 * packages left outside the bundle (Next.js, React) resolve their builds by.
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
