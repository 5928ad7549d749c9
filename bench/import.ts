/**
 * Import benchmark: writes a folder of generated Markdown files (front matter, Korean and English,
 * code fences, tables; the delivery benchmark's corpus) and imports it into an empty SQLite
 * database, then imports it again (every file unchanged). Run with `npm run bench`.
 */
import fs from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { stringify } from 'yaml'

import { importWriting } from '../collections/transfer/importer'
import { startTestPayload } from '../tests/helpers/payload'
import { corpusPost } from './corpus'

const FILES = Number(process.env.BENCH_FILES || 1_000)
const TARGET_S = 60

const log = (message: string) => process.stdout.write(`${message}\n`)

function writeCorpus(folder: string): number {
  let bytes = 0
  for (let index = 0; index < FILES; index++) {
    const post = corpusPost(index)
    const frontMatter = stringify({ title: post.title, date: post.publishedAt, tags: post.tags, excerpt: post.excerpt })
    const text = `---\n${frontMatter}---\n\n${post.markdown}\n`
    fs.writeFileSync(path.join(folder, `${post.slug}.md`), text)
    bytes += Buffer.byteLength(text)
  }
  return bytes
}

async function main() {
  const { payload, dir, close } = await startTestPayload()
  payload.logger.level = 'warn'
  const folder = path.join(dir, 'notes')
  fs.mkdirSync(folder)
  try {
    const bytes = writeCorpus(folder)
    log(`Wrote ${FILES} Markdown files (${(bytes / FILES / 1024).toFixed(1)} KB each on average) to ${folder}`)
    const rows: string[] = []
    for (const run of ['into an empty database', 'again, unchanged'] as const) {
      const started = performance.now()
      const report = await importWriting(payload, folder, {
        onFile: (_outcome, done, total) => {
          if (done % 100 === 0 || done === total) log(`  ${run}: ${done}/${total}`)
        },
      })
      const seconds = (performance.now() - started) / 1000
      const { created, updated, skipped, failed } = report.counts
      rows.push(
        `| ${run} | ${seconds.toFixed(1)} s | ${(FILES / seconds).toFixed(1)} | ${created} / ${updated} / ${skipped} / ${failed} |`,
      )
      if (run === 'into an empty database') {
        rows.push(`|  target: ${FILES} files in under ${TARGET_S} s | ${seconds < TARGET_S ? 'met' : 'MISSED'} | | |`)
      }
    }
    log('\n| import | time | files/s | created / updated / skipped / failed |\n| --- | ---: | ---: | --- |')
    for (const row of rows) log(row)
  } finally {
    await close()
  }
}

await main()
process.exit(0)
