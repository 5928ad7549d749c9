/**
 * The write queue in front of Payload's SQLite adapter, on a stand-in adapter that records the
 * order in which its methods run.
 */
import type { DatabaseAdapterObj, Payload } from 'payload'

import { serialiseSqliteWrites } from '../../src/db/sqliteWrites'

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
  return serialiseSqliteWrites(adapterObj, { busyTimeoutMs: 5_000, queueTimeoutMs: 200 }).init({
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
