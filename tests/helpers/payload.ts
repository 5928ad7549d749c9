import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { getPayload, handleEndpoints, type DatabaseAdapterObj, type Payload } from 'payload'

import { devlogConfig } from '../../payload.config'

export type DatabaseKind = 'sqlite' | 'mongodb'

/**
 * The databases the integration tests run against: SQLite always, MongoDB when
 * TEST_MONGODB_URI points at a server (none can run on the CI machine).
 */
export function databaseKinds(): DatabaseKind[] {
  if (process.env.TEST_MONGODB_URI) return ['sqlite', 'mongodb']
  console.info('MongoDB integration tests skipped: set TEST_MONGODB_URI (e.g. mongodb://127.0.0.1:27017) to run them.')
  return ['sqlite']
}

/**
 * `it` for a test that needs what not every database has: where `supported` is false the test is
 * skipped, and its name and `missing` (what the database lacks) are printed, so no skip goes
 * unexplained.
 */
export function itWhere(supported: boolean, missing: string) {
  return (name: string, test: () => Promise<void>, timeout?: number) => {
    if (supported) return it(name, test, timeout)
    console.info(`Skipped "${name}": ${missing}`)
    return it.skip(name, test)
  }
}

/**
 * `it` for a test of all-or-nothing saves, which need transactions: on MongoDB only on a replica
 * set (FerretDB 1.x has none); skipped with that reason elsewhere.
 */
export function itWithTransactions(kind: DatabaseKind) {
  const transactions = kind === 'sqlite' || new URL(process.env.TEST_MONGODB_URI!).searchParams.has('replicaSet')
  return itWhere(
    transactions,
    `on ${kind}: no transactions (MongoDB has them on a replica set only; FerretDB 1.x has none)`,
  )
}

/** An id no document has, in `kind`'s own id shape (a whole number, or an ObjectId's 24 hex digits). */
export const unknownId = (kind: DatabaseKind): number | string =>
  kind === 'sqlite' ? 999_999 : 'ffffffffffffffffffffffff'

/** `key`: the instance's cache key (its database URI), for `handleEndpoints` to find this instance. */
export type TestPayload = { payload: Payload; dir: string; key: string; close: () => Promise<void> }

/** A Payload instance over a fresh database of its own, removed by `close`. */
export async function startTestPayload(kind: DatabaseKind = 'sqlite'): Promise<TestPayload> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'devlog-test-'))
  const databaseURI =
    kind === 'sqlite' ? `file:${path.join(dir, 'test.db')}` : freshMongoDatabase(process.env.TEST_MONGODB_URI!)
  const config = await devlogConfig({ databaseURI, mediaDir: path.join(dir, 'media') })
  const payload = await getPayload({ config, key: databaseURI })
  return {
    payload,
    dir,
    key: databaseURI,
    close: async () => {
      await closeDroppingDatabase(payload)
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/**
 * The database adapter a host app of its own would configure, over a fresh database: a SQLite
 * file in `dir`, or a MongoDB database of its own (without `$lookup` on FerretDB).
 */
export function hostDatabase(kind: DatabaseKind, dir: string): DatabaseAdapterObj {
  if (kind === 'sqlite') return sqliteAdapter({ client: { url: `file:${path.join(dir, 'host.db')}` } })
  return mongooseAdapter({
    url: freshMongoDatabase(process.env.TEST_MONGODB_URI!),
    useJoinAggregations: process.env.MONGODB_COMPATIBILITY !== 'ferretdb',
  })
}

/** Stops `payload`, first dropping its database when it is a MongoDB one (a SQLite file goes with its folder). */
export async function closeDroppingDatabase(payload: Payload) {
  if (payload.db.name === 'mongoose') {
    await (payload.db as unknown as { connection: { dropDatabase: () => Promise<void> } }).connection.dropDatabase()
  }
  await payload.destroy()
}

/** The URI of a database of its own on the server `uri` names (`TEST_MONGODB_URI`). */
export function freshMongoDatabase(uri: string): string {
  const url = new URL(uri)
  url.pathname = `/devlog_test_${process.pid}_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`
  return url.toString()
}

let userCounter = 0

/**
 * A user with the given roles. The very first account of a database always becomes an admin, so
 * an empty database first gets an admin of its own.
 */
export async function createUser(payload: Payload, roles: string[]) {
  const { totalDocs } = await payload.count({ collection: 'users', overrideAccess: true })
  if (totalDocs === 0) {
    await payload.create({
      collection: 'users',
      data: { email: 'bootstrap-admin@test.local', password: 'bootstrap-password-1' },
      overrideAccess: true,
    })
  }
  userCounter += 1
  return payload.create({
    collection: 'users',
    data: {
      email: `${roles.join('-') || 'none'}-${userCounter}@test.local`,
      password: 'test-password-1',
      roles: roles as never,
    },
    overrideAccess: true,
  })
}

/**
 * A REST request through Payload's own router, signed in with `token` or signed out: what a
 * front end or the admin sends (`formData`: a multipart body, as the admin saves), without a server.
 */
export async function restRequest(
  context: TestPayload,
  url: string,
  {
    method = 'GET',
    body,
    formData,
    token,
    headers: extraHeaders = {},
  }: { method?: string; body?: unknown; formData?: FormData; token?: string; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...extraHeaders }
  if (token) headers.authorization = `JWT ${token}`
  if (body !== undefined) headers['content-type'] = 'application/json'
  const response = await handleEndpoints({
    config: context.payload.config,
    payloadInstanceCacheKey: context.key,
    request: new Request(`http://localhost:3000/api${url}`, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      ...(formData ? { body: formData } : {}),
    }),
  })
  const text = await response.text()
  const json = /json/.test(response.headers.get('content-type') ?? 'application/json')
  return { status: response.status, headers: response.headers, body: text ? (json ? JSON.parse(text) : text) : null }
}

/** `restRequest` as `email` (signed in with the test password), or signed out. */
export async function restAs(
  context: TestPayload,
  email: string | null,
  url: string,
  options: { method?: string; body?: unknown } = {},
) {
  const token = email
    ? (await context.payload.login({ collection: 'users', data: { email, password: 'test-password-1' } })).token
    : undefined
  return restRequest(context, url, { ...options, token })
}
