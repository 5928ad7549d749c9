import { AsyncLocalStorage } from 'node:async_hooks'

import { E_TIMEOUT, Mutex, withTimeout, type MutexInterface } from 'async-mutex'
import { APIError, type BaseDatabaseAdapter, type DatabaseAdapterObj, type PayloadRequest } from 'payload'

export type SqliteWriteOptions = {
  /** How long a connection waits for another process's write lock (SQLite's `busy_timeout`). */
  busyTimeoutMs: number
  /** How long a write in this process waits for the one in front of it before answering 503. */
  queueTimeoutMs: number
}

/** Adapter methods that write outside a transaction when their `req` carries none. */
const WRITE_METHODS = [
  'create',
  'createGlobal',
  'createGlobalVersion',
  'createVersion',
  'deleteMany',
  'deleteOne',
  'deleteVersions',
  'updateGlobal',
  'updateGlobalVersion',
  'updateJobs',
  'updateMany',
  'updateOne',
  'updateVersion',
  'upsert',
] as const satisfies ReadonlyArray<keyof BaseDatabaseAdapter>

/** The part of libsql's client used here (the adapter's `client` after `connect`). */
type Client = {
  execute: (sql: string) => Promise<unknown>
  transaction: (mode?: 'write' | 'read' | 'deferred') => Promise<unknown>
}
type SqliteAdapter = BaseDatabaseAdapter & { client?: Client }
type AdapterMethod = (this: SqliteAdapter, ...args: unknown[]) => Promise<unknown>

/**
 * Payload's SQLite adapter with transactions that hold up when requests arrive together.
 *
 * libsql runs SQL synchronously. A second connection that waits for the write lock (SQLite's busy
 * timeout) blocks the whole event loop, so the transaction holding the lock can never finish and
 * both fail as "database is locked". So in one process one write transaction runs at a time, the
 * others queue without blocking; a write made outside a transaction queues behind it too. The busy
 * timeout stays for other processes on the same file (the import CLI beside a running server), and
 * is set again on each connection libsql opens: it opens a fresh one, without the pragma, for
 * every transaction it starts.
 */
export function serialiseSqliteWrites(adapterObj: DatabaseAdapterObj, options: SqliteWriteOptions): DatabaseAdapterObj {
  return {
    ...adapterObj,
    init: (args) => {
      const adapter = adapterObj.init(args) as SqliteAdapter
      const writes = withTimeout(new Mutex(), options.queueTimeoutMs)
      // The adapter's own methods call each other (`upsert` is `updateOne`): a write already
      // holding the lock must not queue behind itself.
      const holdingWriteLock = new AsyncLocalStorage<true>()
      const releases = new Map<number | string, MutexInterface.Releaser>()
      const acquire = async () => {
        try {
          return await writes.acquire()
        } catch (error) {
          if (error !== E_TIMEOUT) throw error
          throw new APIError(
            `The database is busy with another write (waited ${options.queueTimeoutMs / 1000} s); try again.`,
            503,
          )
        }
      }
      const override = (name: keyof BaseDatabaseAdapter, wrap: (original: AdapterMethod) => AdapterMethod) => {
        const original = adapter[name] as unknown as AdapterMethod
        ;(adapter as unknown as Record<string, AdapterMethod>)[name] = wrap(original)
      }

      override(
        'connect',
        (connect) =>
          async function (this: SqliteAdapter, ...args) {
            await connect.apply(this, args)
            if (this.client) await keepBusyTimeout(this.client, options.busyTimeoutMs)
          },
      )
      override(
        'beginTransaction',
        (begin) =>
          async function (this: SqliteAdapter, ...args) {
            const release = await acquire()
            try {
              const id = (await begin.apply(this, args)) as number | string | null
              if (id === null) release()
              else releases.set(id, release)
              return id
            } catch (error) {
              release()
              throw error
            }
          },
      )
      for (const name of ['commitTransaction', 'rollbackTransaction'] as const) {
        override(
          name,
          (end) =>
            async function (this: SqliteAdapter, id, ...rest) {
              const transactionID = id instanceof Promise ? await id : id
              try {
                return await end.call(this, transactionID, ...rest)
              } finally {
                releases.get(transactionID as number | string)?.()
                releases.delete(transactionID as number | string)
              }
            },
        )
      }
      for (const name of WRITE_METHODS) {
        override(
          name,
          (write) =>
            async function (this: SqliteAdapter, ...args) {
              const req = (args[0] as { req?: Partial<PayloadRequest> } | undefined)?.req
              if (req?.transactionID || holdingWriteLock.getStore()) return write.apply(this, args)
              const release = await acquire()
              try {
                return await holdingWriteLock.run(true, () => write.apply(this, args))
              } finally {
                release()
              }
            },
        )
      }
      return adapter
    },
  }
}

/** Sets the busy timeout on the client's connection now and on each one it opens after a transaction. */
function keepBusyTimeout(client: Client, busyTimeoutMs: number) {
  const pragma = `PRAGMA busy_timeout = ${busyTimeoutMs}`
  const transaction = client.transaction.bind(client)
  client.transaction = (mode) => {
    // Both calls run their SQL synchronously, so nothing can use the new connection in between.
    const started = transaction(mode)
    return Promise.all([started, client.execute(pragma)]).then(() => started)
  }
  return client.execute(pragma)
}
