/**
 * libsql statements kept per connection (src/db/sqliteStatementCache.ts): the same statement
 * comes back for the same SQL, and a kept statement answers exactly as a fresh one would, through
 * libsql's client as Payload uses it, after writes on another connection, schema changes and errors.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { jest } from '@jest/globals'
import { createClient, type Client } from '@libsql/client'
import Database from 'libsql'

import { cacheSqliteStatements, namesItsColumns, STATEMENTS_PER_CONNECTION } from '../../src/db/sqliteStatementCache'

let dir: string
let file: string
let client: Client
let other: Database.Database

beforeAll(() => {
  cacheSqliteStatements()
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'devlog-statements-'))
  file = path.join(dir, 'test.db')
})
beforeEach(async () => {
  fs.rmSync(file, { force: true })
  client = createClient({ url: `file:${file}` })
  await client.execute('CREATE TABLE notes (id INTEGER PRIMARY KEY, title TEXT UNIQUE)')
  other = new Database(file)
})
afterEach(() => {
  client.close()
  other.close()
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const titles = async (sql: string, args: (string | number)[] = []) =>
  (await client.execute({ sql, args })).rows.map((row) => row.title)

it('hands back the same statement for the same SQL on a connection, another on another connection', () => {
  const connection = new Database(':memory:')
  const sql = 'SELECT 1 AS one'
  expect(connection.prepare(sql)).toBe(connection.prepare(sql))
  expect(connection.prepare('SELECT 2 AS two')).not.toBe(connection.prepare(sql))
  expect(new Database(':memory:').prepare(sql)).not.toBe(connection.prepare(sql))
})

it('binds each run’s own parameters', async () => {
  await client.execute({ sql: 'INSERT INTO notes (title) VALUES (?), (?), (?)', args: ['a', 'b', 'c'] })
  const sql = 'SELECT title FROM notes WHERE id >= ? ORDER BY id'
  expect(await titles(sql, [1])).toEqual(['a', 'b', 'c'])
  expect(await titles(sql, [3])).toEqual(['c'])
  expect(await titles(sql, [2])).toEqual(['b', 'c'])
})

it('sees what another connection committed since its last run', async () => {
  const sql = 'SELECT title FROM notes ORDER BY id'
  expect(await titles(sql)).toEqual([])
  other.exec("BEGIN IMMEDIATE; INSERT INTO notes (title) VALUES ('from another connection'); COMMIT")
  expect(await titles(sql)).toEqual(['from another connection'])
  // and leaves no read open that would keep the other connection from writing
  other.exec("BEGIN IMMEDIATE; INSERT INTO notes (title) VALUES ('again'); COMMIT")
  expect(await titles(sql)).toEqual(['from another connection', 'again'])
})

it('follows a schema change made through the client after the statement was kept, `SELECT *` too', async () => {
  await client.execute({ sql: 'INSERT INTO notes (title) VALUES (?)', args: ['before'] })
  const sql = 'SELECT * FROM notes'
  expect((await client.execute(sql)).columns).toEqual(['id', 'title'])
  await client.execute("ALTER TABLE notes ADD COLUMN body TEXT DEFAULT 'empty'")
  const after = await client.execute(sql)
  expect(after.columns).toEqual(['id', 'title', 'body'])
  expect(after.rows[0]).toMatchObject({ title: 'before', body: 'empty' })
})

it('follows a schema change made on another connection as libsql does without kept statements', async () => {
  const sql = 'SELECT * FROM notes'
  expect((await client.execute(sql)).columns).toEqual(['id', 'title'])
  other.exec('ALTER TABLE notes ADD COLUMN body TEXT')
  // libsql names a `SELECT *`'s columns before SQLite notices another connection's change, so the
  // first read after it may still carry the old names, whether its statement was kept or not.
  await client.execute(sql)
  expect((await client.execute(sql)).columns).toEqual(['id', 'title', 'body'])
})

it('runs again after a run that failed', async () => {
  const insert = 'INSERT INTO notes (title) VALUES (?)'
  await client.execute({ sql: insert, args: ['unique'] })
  await expect(client.execute({ sql: insert, args: ['unique'] })).rejects.toThrow(/UNIQUE/)
  await client.execute({ sql: insert, args: ['another'] })
  expect(await titles('SELECT title FROM notes ORDER BY id')).toEqual(['unique', 'another'])
})

it(`keeps at most ${STATEMENTS_PER_CONNECTION} statements a connection, the least recently used dropped first`, () => {
  const connection = new Database(':memory:')
  const first = connection.prepare('SELECT 0')
  const second = connection.prepare('SELECT 1')
  for (let n = 2; n < STATEMENTS_PER_CONNECTION; n++) connection.prepare(`SELECT ${n}`)
  expect(connection.prepare('SELECT 0')).toBe(first) // now the most recently used
  connection.prepare(`SELECT ${STATEMENTS_PER_CONNECTION}`) // one over: drops `SELECT 1`
  expect(connection.prepare('SELECT 0')).toBe(first)
  expect(connection.prepare('SELECT 1')).not.toBe(second)
})

it('asks a kept statement for its columns once when its SQL names them, every time for a top-level `*`', async () => {
  const connection = new Database(':memory:')
  connection.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, title TEXT)')
  const named = connection.prepare('SELECT id, title FROM notes')
  expect(named.columns()).toBe(named.columns())
  expect(named.columns().map((column) => column.name)).toEqual(['id', 'title'])
  expect(Object.isFrozen(named.columns())).toBe(true)
  const star = connection.prepare('SELECT * FROM notes')
  expect(star.columns()).not.toBe(star.columns())
  expect(star.columns().map((column) => column.name)).toEqual(['id', 'title'])
})

it('reads named columns right after another connection adds a column to the table', async () => {
  await client.execute({ sql: 'INSERT INTO notes (title) VALUES (?)', args: ['kept'] })
  const sql = 'SELECT id, title FROM notes'
  expect((await client.execute(sql)).rows.map((row) => ({ ...row }))).toEqual([{ id: 1, title: 'kept' }])
  other.exec("ALTER TABLE notes ADD COLUMN body TEXT DEFAULT 'x'")
  for (let run = 0; run < 2; run++) {
    const { columns, rows } = await client.execute(sql)
    expect(columns).toEqual(['id', 'title'])
    expect(rows.map((row) => ({ ...row }))).toEqual([{ id: 1, title: 'kept' }])
  }
})

it('tells SQL whose result columns are all named from SQL with a `*` at its top level', () => {
  // Drizzle's reads with relationships: `*` only inside subqueries folded into named columns.
  expect(
    namesItsColumns(
      'select "id", (select coalesce(json_group_array(json_array("order", "path")), json_array()) as "data" from (select * from "posts_rels" "r" where "r"."parent_id" = "posts"."id") "r") as "_rels" from "posts" "posts" where "posts"."slug" = ?',
    ),
  ).toBe(true)
  expect(namesItsColumns('select count(*) from "posts"')).toBe(true)
  expect(namesItsColumns('select "a*b", \'*\' as "star" from "t"')).toBe(true)
  expect(namesItsColumns('SELECT * FROM notes')).toBe(false)
  expect(namesItsColumns('select "t".* from "t"')).toBe(false)
  expect(namesItsColumns('insert into "t" ("a") values (?) returning *')).toBe(false)
  // A product or a comment is taken for a star: asked every time, as without kept statements.
  expect(namesItsColumns('select "a" * 2 from "t"')).toBe(false)
  expect(namesItsColumns('select "a" /* note */ from "t"')).toBe(false)
})

it('is installed once per process, whichever copy of the module comes first', async () => {
  const prepare = Database.prototype.prepare
  let copy: typeof import('../../src/db/sqliteStatementCache') | undefined
  // Another copy of the module, as the admin's Next.js bundle holds: a fresh instance of the file.
  await jest.isolateModulesAsync(async () => {
    // libsql itself is one module in a process (the bundles leave it outside).
    jest.unstable_mockModule('libsql', () => ({ default: Database }))
    copy = await import('../../src/db/sqliteStatementCache')
  })
  expect(copy!.cacheSqliteStatements).not.toBe(cacheSqliteStatements)
  copy!.cacheSqliteStatements()
  expect(Database.prototype.prepare).toBe(prepare)
  const connection = new Database(':memory:')
  const statement = connection.prepare('SELECT 1 AS one')
  expect(statement.columns()).toBe(statement.columns())
  expect(statement.all()).toEqual([{ one: 1 }])
})
