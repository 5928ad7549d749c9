import { AsyncLocalStorage } from 'node:async_hooks'

import { Sqlite3Transaction } from '@libsql/client/sqlite3'
import Database from 'libsql'

import { E_TIMEOUT, Mutex, withTimeout, type MutexInterface } from 'async-mutex'
import {
  APIError,
  type BaseDatabaseAdapter,
  type CollectionBeforeOperationHook,
  type DatabaseAdapterObj,
  type PayloadRequest,
  type SanitizedConfig,
} from 'payload'

export type SqliteWriteOptions = {
  /** How long a connection waits for another process's write lock (SQLite's `busy_timeout`). */
  busyTimeoutMs: number
  /** How long a write in this process waits for the one in front of it before answering 503. */
  queueTimeoutMs: number
  /** The database file (`null` in memory, where another connection would be another database). */
  file: string | null
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
export type Client = {
  transaction: (mode?: keyof typeof BEGIN) => Promise<unknown>
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
 * timeout stays for other processes on the same file (the import CLI beside a running server), on
 * the client's connection and on the one its transactions use (`reuseTransactionConnection`).
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
      noteOperationTransactions(args.payload.config)
      const override = (name: keyof BaseDatabaseAdapter, wrap: (original: AdapterMethod) => AdapterMethod) => {
        const original = adapter[name] as unknown as AdapterMethod
        ;(adapter as unknown as Record<string, AdapterMethod>)[name] = wrap(original)
      }

      override(
        'connect',
        (connect) =>
          async function (this: SqliteAdapter, ...args) {
            await connect.apply(this, args)
            if (this.client && options.file)
              reuseTransactionConnection(this.client, options.file, options.busyTimeoutMs)
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
              // A write its operation made outside the transaction that operation holds the lock
              // for would wait on itself: it joins that transaction.
              const own = req?.context && transactionOfOperation.get(req.context)
              if (own !== undefined && releases.has(own))
                return write.apply(this, [
                  { ...(args[0] as object), req: withTransaction(req!, own) },
                  ...args.slice(1),
                ])
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

/**
 * The transaction each operation began, by the operation's `req.context`. Payload's forgot-password
 * reserves its request interval with a write made outside the transaction it has just begun (a
 * request whose `transactionID` alone is isolated, so the reservation outlives a rollback); the
 * context is the part such a request shares with its operation's own.
 */
const transactionOfOperation = new WeakMap<object, number | string>()

const noteTransaction: CollectionBeforeOperationHook = ({ req }) => {
  if (typeof req.transactionID === 'number' || typeof req.transactionID === 'string')
    transactionOfOperation.set(req.context, req.transactionID)
}

/** Has every collection's operations note their transaction: they begin it before this hook runs. */
function noteOperationTransactions(config: SanitizedConfig | undefined) {
  for (const collection of config?.collections ?? []) {
    const hooks = (collection.hooks.beforeOperation ??= [])
    if (!hooks.includes(noteTransaction)) hooks.unshift(noteTransaction)
  }
}

/** `req` seen through with `transactionID` set, the rest read from `req` itself. */
const withTransaction = (req: Partial<PayloadRequest>, transactionID: number | string) =>
  new Proxy(req, {
    get: (target, key) => (key === 'transactionID' ? transactionID : Reflect.get(target, key, target)),
  })

/**
 * libsql's client hands its connection to each transaction it starts and opens a new one for
 * whatever comes next, so every save paid for opening the file and reading Devlog's schema again
 * (about a fifth of a post's save). Writes here take turns, so one connection kept for
 * transactions serves them all; a second transaction that arrives while it is busy (a migration,
 * another caller of the client) gets a connection of its own, as before. The client's own
 * connection stays with the client, so reads never wait for a transaction to end.
 */
export function reuseTransactionConnection(client: Client, file: string, busyTimeoutMs: number) {
  const open = () => {
    const connection = new Database(file)
    connection.exec(`PRAGMA busy_timeout = ${busyTimeoutMs}`)
    return connection
  }
  let idle: Database.Database | null = null
  client.transaction = async (mode = 'write') => {
    const connection = idle ?? open()
    idle = null
    connection.exec(BEGIN[mode])
    // The client's own transaction class, on a connection it did not open: the same results and
    // errors as `client.transaction` gives.
    const transaction = new Sqlite3Transaction(connection, 'number')
    const giveBack = () => {
      if (!connection.inTransaction && idle === null) idle = connection
    }
    for (const end of ['commit', 'rollback'] as const) {
      const original = transaction[end].bind(transaction)
      transaction[end] = () => original().finally(giveBack)
    }
    return transaction
  }
}

const BEGIN = { write: 'BEGIN IMMEDIATE', read: 'BEGIN TRANSACTION READONLY', deferred: 'BEGIN DEFERRED' } as const
