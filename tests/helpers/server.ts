import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { MongoClient } from 'mongodb'

import { databaseKinds, freshMongoDatabase, type DatabaseKind } from './payload'

export const root = path.resolve(import.meta.dirname, '../..')

export const TEST_SECRET = 'devlog-http-test-secret-0123456789abcdef'

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

export const serverBundle = path.join(root, 'build', 'server.js')

export const transferBundle = path.join(root, 'build', 'transfer.js')

export function hasProductionBuild(): boolean {
  return (
    fs.existsSync(path.join(root, '.next', 'BUILD_ID')) && fs.existsSync(serverBundle) && fs.existsSync(transferBundle)
  )
}

export type RunningServer = {
  url: string
  port: number
  child: ChildProcess
  output: () => string
  dir: string
  stop: (signal?: NodeJS.Signals) => Promise<number | null>
}

type SpawnOptions = { env?: Record<string, string | undefined>; port?: number }

/** Runs the server as `npm start` does, over a fresh SQLite file, and collects its output. */
export function spawnServer({ env = {}, port }: SpawnOptions = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'devlog-server-'))
  const merged: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    PAYLOAD_SECRET: TEST_SECRET,
    DATABASE_URI: `file:${path.join(dir, 'devlog.db')}`,
    MEDIA_DIR: path.join(dir, 'media'),
    ...(port ? { PORT: String(port) } : {}),
    ...env,
  }
  // An `undefined` value would reach the child as the string "undefined".
  const childEnv = Object.fromEntries(
    Object.entries(merged).filter(([, value]) => value !== undefined),
  ) as NodeJS.ProcessEnv
  const child = spawn(process.execPath, ['--conditions=production', serverBundle], {
    cwd: root,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return { child, dir, output: () => output, exited }
}

/**
 * The server's database settings for `kind`: its own SQLite file (the default), or a fresh
 * database on the MongoDB server the tests were given (dropped when the server stops).
 */
export function databaseEnv(kind: DatabaseKind): Record<string, string | undefined> {
  if (kind === 'sqlite') return {}
  return {
    DATABASE_URI: freshMongoDatabase(process.env.TEST_MONGODB_URI!),
    MONGODB_COMPATIBILITY: process.env.MONGODB_COMPATIBILITY,
  }
}

/** `describeWithBuild` once per database the tests run on (see `databaseKinds`). */
export function describeOnEachDatabase(name: string, body: (kind: DatabaseKind) => void) {
  for (const kind of databaseKinds()) describeWithBuild(`${name} on ${kind}`, () => body(kind))
}

export async function dropMongoDatabase(uri: string) {
  const client = new MongoClient(uri)
  try {
    await client.db().dropDatabase()
  } finally {
    await client.close()
  }
}

/** Starts the production server on a free port and waits until /readyz answers 200. */
export async function startServer(env: Record<string, string | undefined> = {}): Promise<RunningServer> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const { child, dir, output, exited } = spawnServer({ env: { SERVER_URL: url, ...env }, port })
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`)
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`server not ready within 60 s:\n${output()}`)
    }
    try {
      const response = await fetch(`${url}/readyz`)
      if (response.status === 200) break
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return {
    url,
    port,
    child,
    output,
    dir,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal)
      const code = await exited
      fs.rmSync(dir, { recursive: true, force: true })
      if (env.DATABASE_URI?.startsWith('mongodb')) await dropMongoDatabase(env.DATABASE_URI)
      return code
    },
  }
}

/** Creates the server's first account (an admin) over HTTP; its token. */
export async function registerFirstUser(
  server: Pick<RunningServer, 'url'>,
  account: { email: string; password: string; name?: string },
): Promise<string> {
  const response = await fetch(`${server.url}/api/users/first-register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(account),
  })
  return ((await response.json()) as { token: string }).token
}

/** `describe` when the production build exists, otherwise a skip with the reason printed. */
export function describeWithBuild(name: string, body: () => void) {
  if (hasProductionBuild()) return describe(name, body)
  console.warn(
    `${name}: skipped, no production build (.next/BUILD_ID, build/server.js, build/transfer.js). Run \`npm run build\` first; \`npm test\` does.`,
  )
  return describe.skip(name, body)
}
