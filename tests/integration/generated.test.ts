import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { generateTypes } from 'payload/node'

import { startTestPayload, type TestPayload } from '../helpers/payload'

const root = path.resolve(import.meta.dirname, '../..')

describe('committed generated files are up to date', () => {
  let ctx: TestPayload
  beforeAll(async () => {
    ctx = await startTestPayload('sqlite')
  })
  afterAll(async () => {
    await ctx?.close()
  })

  it('payload-types.ts matches what `payload generate:types` writes', async () => {
    const output = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'devlog-types-')), 'payload-types.ts')
    process.env.PAYLOAD_TS_OUTPUT_PATH = output
    try {
      await generateTypes(ctx.payload.config, { log: false })
    } finally {
      delete process.env.PAYLOAD_TS_OUTPUT_PATH
    }
    const committed = fs.readFileSync(path.join(root, 'payload-types.ts'), 'utf8')
    expect(fs.readFileSync(output, 'utf8') === committed).toBe(true)
  })

  it('the committed SQLite migrations produce the current schema (run `npm run migrate:create` after changing collections)', async () => {
    const db = ctx.payload.db as unknown as {
      schema: unknown
      migrationDir: string
      requireDrizzleKit: () => {
        generateDrizzleJson: (schema: unknown) => Promise<unknown>
        generateMigration: (before: unknown, after: unknown) => Promise<string[]>
      }
    }
    const snapshots = fs
      .readdirSync(db.migrationDir)
      .filter((file) => file.endsWith('.json'))
      .sort()
    expect(snapshots.length).toBeGreaterThan(0)
    const latest = JSON.parse(fs.readFileSync(path.join(db.migrationDir, snapshots.at(-1)!), 'utf8'))
    const { generateDrizzleJson, generateMigration } = db.requireDrizzleKit()
    const current = await generateDrizzleJson(db.schema)
    expect(await generateMigration(latest, current)).toEqual([])
  })
})
