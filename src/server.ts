/**
 * Devlog's HTTP entry point: Express 5 in front of Next.js (the Payload admin, REST and GraphQL).
 * `npm run dev` runs it in development; `npm start` after `npm run build` in production.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import nextEnv from '@next/env'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
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
