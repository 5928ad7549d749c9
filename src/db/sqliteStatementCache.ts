import Database from 'libsql'

/** Per connection: Payload sends a few dozen distinct statements; queries with `in (…)` lists vary. */
export const STATEMENTS_PER_CONNECTION = 256

type Statement = ReturnType<Database.Database['prepare']>
type Prepare = (this: Database.Database, sql: string) => Statement
type Exec = (this: Database.Database, sql: string) => Database.Database

type Kept = { generation: number; statements: Map<string, Statement> }

const keptBy = new WeakMap<Database.Database, Kept>()
/** Statements kept before the schema last changed are stale (see below). */
let generation = 0
/** Conservative: a false match only drops what was kept. */
const SCHEMA_CHANGE = /\b(alter|create|drop)\b/i
/**
 * On libsql's prototype, which every copy of this module shares: the admin's Next.js bundle holds a
 * copy of its own, and a second layer would keep the first layer's statements and wrap them again.
 */
const INSTALLED = Symbol.for('payload-devlog.sqliteStatementCache')

/**
 * libsql's client compiles every statement it runs anew (`prepare` for each query, no cache),
 * while Payload sends the same few SQL texts over and over: the compiling was the largest single
 * cost of reading a post by its slug after Drizzle's own. So each connection keeps its most
 * recently used statements by their SQL text, least recently used dropped first.
 *
 * A shared statement is safe here: the client runs each one to its end synchronously (`all` or
 * `run`), and a statement starts afresh, with new parameters, on every run, also after an error.
 * SQLite recompiles a kept statement when the schema changes under it, but a `SELECT *` would keep
 * the column names it was first compiled with; so a schema change made in this process (a
 * migration, Drizzle's push, anything passing `CREATE`, `ALTER` or `DROP` to `prepare` or `exec`)
 * drops every kept statement. A schema changed by another process is a deploy: the server restarts.
 *
 * It applies to every libsql connection in the process (the client's own, hidden inside it, and
 * the one `reuseTransactionConnection` keeps), so it is installed once per process.
 */
export function cacheSqliteStatements() {
  const prototype = Database.prototype as unknown as { prepare: Prepare; exec: Exec; [INSTALLED]?: true }
  if (prototype[INSTALLED]) return
  prototype[INSTALLED] = true
  const { prepare, exec } = prototype
  prototype.exec = function (sql) {
    if (SCHEMA_CHANGE.test(sql)) generation += 1
    return exec.call(this, sql)
  }
  prototype.prepare = function (sql) {
    let kept = keptBy.get(this)
    if (kept?.generation !== generation) keptBy.set(this, (kept = { generation, statements: new Map() }))
    const { statements } = kept
    let statement = statements.get(sql)
    if (statement) {
      // A Map keeps insertion order: taken out and put back, it is the most recently used.
      statements.delete(sql)
      statements.set(sql, statement)
      return statement
    }
    // A statement that changes the schema is never kept, so it always gets here: hits skip the test.
    if (SCHEMA_CHANGE.test(sql)) {
      generation += 1
      return prepare.call(this, sql)
    }
    statement = prepare.call(this, sql)
    if (statements.size >= STATEMENTS_PER_CONNECTION) statements.delete(statements.keys().next().value!)
    statements.set(sql, rememberShape(statement, sql))
    return statement
  }
}

/**
 * Whether a statement's result columns are named in its SQL, not by a `*` at its top level, whose
 * columns would follow a table that another process alters (subqueries may use `*`: their rows
 * are folded into a named column). Conservative: quoted names and strings and every parenthesised
 * part are set aside, and any `*` left (a product too) counts.
 */
export function namesItsColumns(sql: string): boolean {
  let rest = sql.replace(/"(?:[^"]|"")*"|'(?:[^']|'')*'|`[^`]*`|\[[^\]]*\]/g, '""')
  for (let previous = ''; previous !== rest;) [previous, rest] = [rest, rest.replace(/\([^()]*\)/g, '_')]
  return !rest.includes('*')
}

/**
 * The client asks a statement whether it returns rows and for its result columns (twice) on every
 * run, each a call into the native module: for a kept statement the answers are asked once. What
 * a statement returns cannot change while it is kept (a schema change in this process drops every
 * kept statement), except the columns of a top-level `*` after another process alters the table:
 * those are asked every time, as libsql would.
 */
function rememberShape(statement: Statement, sql: string): Statement {
  const reader = statement.reader
  Object.defineProperty(statement, 'reader', { value: reader })
  if (!reader || !namesItsColumns(sql)) return statement
  const askColumns = statement.columns.bind(statement)
  let columns: ReturnType<Statement['columns']> | undefined
  // Frozen: every run shares the one array.
  return Object.defineProperty(statement, 'columns', {
    value: () => (columns ??= Object.freeze(askColumns()) as ReturnType<Statement['columns']>),
  })
}
