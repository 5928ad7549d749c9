/**
 * The write queue in front of Payload's SQLite adapter, on a stand-in adapter that records the
 * order in which its methods run; the transactions' connection, on a real libsql client.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createClient, type Client as LibsqlClient, type Transaction } from '@libsql/client'
import type { DatabaseAdapterObj, Payload } from 'payload'

import { reuseTransactionConnection, serialiseSqliteWrites, type Client } from '../../src/db/sqliteWrites'

type Adapter = Record<string, (...args: any[]) => Promise<unknown>>

function standInAdapter(log: string[]) {
  let next = 0
  const adapter: Adapter = {
    connect: async () => undefined,
    beginTransaction: async () => {
      next += 1
      log.push(`begin ${next}`)
      return `tx${next}`
    },
    commitTransaction: async (id: string) => void log.push(`commit ${id}`),
    rollbackTransaction: async (id: string) => void log.push(`rollback ${id}`),
    create: async ({ data }: { data: { name: string } }) => void log.push(`create ${data.name}`),
    find: async () => void log.push('find'),
    updateOne: async ({ data }: { data: { name: string } }) => void log.push(`update ${data.name}`),
    // As Payload's SQLite adapter does: an upsert is an updateOne.
    upsert(this: Adapter, args: { data: { name: string } }) {
      return this.updateOne(args)
    },
  }
  const adapterObj = { name: 'sqlite', defaultIDType: 'number', init: () => adapter } as unknown as DatabaseAdapterObj
  return serialiseSqliteWrites(adapterObj, { busyTimeoutMs: 5_000, queueTimeoutMs: 200, file: null }).init({
    payload: {} as Payload,
  }) as unknown as Adapter
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 10))

describe('serialiseSqliteWrites', () => {
  it('starts a second transaction only when the first has ended', async () => {
    const log: string[] = []
    const adapter = standInAdapter(log)
    const first = await adapter.beginTransaction()
    const second = adapter.beginTransaction()
    await tick()
    expect(log).toEqual(['begin 1'])
    await adapter.commitTransaction(first)
    await adapter.commitTransaction(await second)
    expect(log).toEqual(['begin 1', 'commit tx1', 'begin 2', 'commit tx2'])
  })

  it('queues a write made outside a transaction, but not one inside it, and never a read', async () => {
    const log: string[] = []
    const adapter = standInAdapter(log)
    const id = await adapter.beginTransaction()
    const outside = adapter.create({ data: { name: 'outside' }, req: {} })
    await adapter.create({ data: { name: 'inside' }, req: { transactionID: id } })
    await adapter.find({ req: {} })
    await tick()
    expect(log).toEqual(['begin 1', 'create inside', 'find'])
    await adapter.rollbackTransaction(id)
    await outside
    expect(log).toEqual(['begin 1', 'create inside', 'find', 'rollback tx1', 'create outside'])
  })

  it('lets a write outside a transaction call another write method without queueing behind itself', async () => {
    const log: string[] = []
    const adapter = standInAdapter(log)
    // Before: the inner updateOne waited for the lock its own upsert held, and failed with 503.
    await adapter.upsert({ data: { name: 'preferences' }, req: {} })
    const id = await adapter.beginTransaction()
    await adapter.rollbackTransaction(id)
    expect(log).toEqual(['update preferences', 'begin 1', 'rollback tx1'])
  })

  it('answers 503 when the write in front does not finish in time, and keeps working after', async () => {
    const log: string[] = []
    const adapter = standInAdapter(log)
    const stuck = await adapter.beginTransaction()
    await expect(adapter.create({ data: { name: 'late' } })).rejects.toMatchObject({
      status: 503,
      message: expect.stringContaining('busy with another write'),
    })
    await adapter.commitTransaction(stuck)
    await adapter.create({ data: { name: 'after' } })
    expect(log).toEqual(['begin 1', 'commit tx1', 'create after'])
  })
})

describe('reuseTransactionConnection', () => {
  let dir: string
  let client: LibsqlClient
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'devlog-tx-'))
    const file = path.join(dir, 'test.db')
    client = createClient({ url: `file:${file}` })
    await client.execute('CREATE TABLE notes (text TEXT)')
    reuseTransactionConnection(client as unknown as Client, file, 5_000)
  })
  afterEach(() => {
    client.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })
  // A TEMP table belongs to the connection that made it: seeing it tells which connection runs.
  const sameConnectionAsMarker = async (transaction: Transaction) =>
    (await transaction.execute("SELECT count(*) AS n FROM sqlite_temp_master WHERE name = 'marker'")).rows[0].n === 1

  it('runs the next transaction on the connection the last one used, and its writes are seen by the client', async () => {
    const first = await client.transaction()
    await first.execute('CREATE TEMP TABLE marker (x)')
    await first.execute("INSERT INTO notes VALUES ('first')")
    await first.commit()
    const second = await client.transaction()
    expect(await sameConnectionAsMarker(second)).toBe(true)
    await second.execute("INSERT INTO notes VALUES ('second')")
    await second.commit()
    const { rows } = await client.execute('SELECT text FROM notes ORDER BY rowid')
    expect(rows.map((row) => row.text)).toEqual(['first', 'second'])
  })

  it('rolls back, and reuses the connection after a rollback too', async () => {
    const first = await client.transaction()
    await first.execute('CREATE TEMP TABLE marker (x)')
    await first.commit()
    const undone = await client.transaction()
    await undone.execute("INSERT INTO notes VALUES ('undone')")
    await undone.rollback()
    expect((await client.execute('SELECT count(*) AS n FROM notes')).rows[0].n).toBe(0)
    const next = await client.transaction()
    expect(await sameConnectionAsMarker(next)).toBe(true)
    await next.commit()
  })

  it('gives a transaction that starts while another is open a connection of its own', async () => {
    const open = await client.transaction()
    await open.execute('CREATE TEMP TABLE marker (x)')
    const other = await client.transaction('deferred')
    expect(await sameConnectionAsMarker(other)).toBe(false)
    await other.commit()
    await open.commit()
    // Only one connection is kept: the one given back first.
    const next = await client.transaction()
    expect(await sameConnectionAsMarker(next)).toBe(false)
    await next.commit()
  })
})
