/**
 * `npm run import -- <file-or-folder> [--dry-run] [--timezone Asia/Seoul] [--period 2024]
 * [--as post|retrospective]` and
 * `npm run export -- <folder>`: bundled into `build/transfer.js` and run with
 * `--conditions=production` for the same reason as the server (see src/server.ts).
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import nextEnv from '@next/env'

import { projectRoot } from '../lib/projectRoot'

const root = projectRoot(import.meta.url)
nextEnv.loadEnvConfig(root, process.env.NODE_ENV !== 'production', { info: () => {}, error: console.error })

const USAGE = `Usage:
  npm run import -- <file-or-folder-or-feed-URL> [--dry-run] [--timezone <IANA zone>]
                    [--period 2024|2024-H1|2024-Q3|2024-03] [--as post|retrospective]
  npm run export -- <folder>`

class UsageError extends Error {}

const { progressLine, importSummary, exportSummary } = await import('./report')

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  let parsed
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean', default: false },
        timezone: { type: 'string' },
        period: { type: 'string' },
        as: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  if (parsed.values.help) {
    console.log(USAGE)
    return 0
  }
  if (command !== 'import' && command !== 'export') throw new UsageError(`unknown command "${command ?? ''}".`)
  if (parsed.positionals.length !== 1)
    throw new UsageError(`${command} takes exactly one ${command === 'import' ? 'file or folder' : 'folder'}.`)
  const { period, as } = parsed.values
  if (
    command === 'export' &&
    (parsed.values['dry-run'] || parsed.values.timezone !== undefined || period !== undefined || as !== undefined)
  )
    throw new UsageError('export takes no options.')
  if (as !== undefined && as !== 'post' && as !== 'retrospective')
    throw new UsageError(`--as: post or retrospective, got "${as}".`)
  if (period !== undefined && as === 'post')
    throw new UsageError("--period names a retrospective's period: not with --as post.")
  // A feed may be given by its URL; anything else is a path.
  const [given] = parsed.positionals
  const target = command === 'import' && /^https?:\/\//i.test(given) ? given : path.resolve(given)
  const timeZone = parsed.values.timezone ?? 'Asia/Seoul'
  const { DateTime } = await import('luxon')
  if (!DateTime.now().setZone(timeZone).isValid)
    throw new UsageError(`--timezone: "${timeZone}" is not an IANA time zone (e.g. Asia/Seoul).`)

  const { checkSchemaSource, resolveDatabase } = await import('../db/resolveDatabase')
  const production = process.env.NODE_ENV === 'production'
  const database = resolveDatabase(process.env.DATABASE_URI, { production })
  if (database.kind === 'sqlite') await checkSchemaSource(database.url, { production })
  const { getPayload } = await import('payload')
  const { default: config } = await import('../../payload.config')
  const payload = await getPayload({ config })
  payload.logger.level = 'warn'
  const started = performance.now()
  const interactive = Boolean(process.stderr.isTTY)
  const progress = (done: number, total: number, label: string) => {
    const line = progressLine(done, total, label, interactive)
    if (line !== null) process.stderr.write(line)
  }
  try {
    if (command === 'import') {
      const { importWriting } = await import('../../collections/transfer/importer')
      const report = await importWriting(payload, target, {
        dryRun: parsed.values['dry-run'],
        timeZone,
        period,
        as: as === undefined ? undefined : as === 'post' ? 'posts' : 'retrospectives',
        onFile: (outcome, done, total) => progress(done, total, `${outcome.action} ${outcome.file}`),
      })
      console.log(importSummary(report, target, (performance.now() - started) / 1000))
      return report.counts.failed > 0 ? 1 : 0
    }
    const { exportMarkdown } = await import('../../collections/transfer/exporter')
    const report = await exportMarkdown(payload, target, {
      onFile: (file, done, total) => progress(done, total, file.file),
    })
    console.log(exportSummary(report, target, (performance.now() - started) / 1000))
    return 0
  } finally {
    await payload.destroy()
  }
}

try {
  process.exitCode = await main(process.argv.slice(2))
} catch (error) {
  const { ImportError } = await import('../../collections/transfer/source')
  const { ConfigError } = await import('../env')
  const { DatabaseConfigError } = await import('../db/resolveDatabase')
  if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`)
  else if (error instanceof ImportError || error instanceof ConfigError || error instanceof DatabaseConfigError)
    console.error(`Error: ${error.message}`)
  else console.error(error)
  process.exitCode = 1
}
// Payload's job runner and database pool may hold the event loop open.
process.exit(process.exitCode)
