/**
 * Admin benchmark: the production admin's posts list with 1,000 posts (bench/corpus.ts), timed in
 * Chromium from navigation to a usable page (the list's rows shown), first visit and again. Run
 * with `npm run bench:admin` after `npm run build`; it seeds through the same bundle in a child
 * process (`seed` mode), then starts `build/server.js` on that database.
 */
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

import { launchBrowser } from '../tests/helpers/browser'
import { freePort } from '../tests/helpers/server'
import { seedCorpus } from './seedCorpus'

const POSTS = Number(process.env.BENCH_POSTS || 1_000)
const VISITS = 5
const SECRET = 'devlog-benchmark-secret-0123456789abcdef'
const EMAIL = 'bench@bench.test'
const PASSWORD = 'bench-password-1'
// The bundle runs from build/.
const root = path.resolve(import.meta.dirname, '..')
const log = (message: string) => process.stdout.write(`${message}\n`)

async function seed() {
  const { default: config } = await import('../payload.config')
  const { getPayload } = await import('payload')
  const payload = await getPayload({ config })
  payload.logger.level = 'warn'
  await payload.create({ collection: 'users', data: { email: EMAIL, password: PASSWORD } })
  await seedCorpus(payload, POSTS)
  await payload.destroy()
}

async function main() {
  if (!fs.existsSync(path.join(root, '.next/BUILD_ID'))) throw new Error('Run `npm run build` first.')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'devlog-bench-admin-'))
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production' as const,
    PAYLOAD_SECRET: SECRET,
    DATABASE_URI: `file:${path.join(dir, 'devlog.db')}`,
    MEDIA_DIR: path.join(dir, 'media'),
  }
  try {
    log(`Seeding ${POSTS} posts…`)
    const seeded = spawnSync(process.execPath, ['--conditions=production', process.argv[1], 'seed'], {
      cwd: root,
      env,
      stdio: 'inherit',
    })
    if (seeded.status !== 0) throw new Error(`seeding failed (${seeded.status})`)
    const port = await freePort()
    const url = `http://127.0.0.1:${port}`
    const server = spawn(process.execPath, ['--conditions=production', path.join(root, 'build/server.js')], {
      cwd: root,
      env: { ...env, PORT: String(port), SERVER_URL: url },
      stdio: 'ignore',
    })
    try {
      for (let ready = 0; ready !== 200;) {
        ready = await fetch(`${url}/readyz`).then(
          (response) => response.status,
          () => 0,
        )
        if (ready !== 200) await new Promise((resolve) => setTimeout(resolve, 200))
      }
      const browser = await launchBrowser()
      try {
        const page = await browser.context.newPage()
        await page.goto(`${url}/admin/login`)
        await page.fill('#field-email', EMAIL)
        await page.fill('#field-password', PASSWORD)
        await page.click('button[type="submit"]')
        await page.waitForURL((address) => address.pathname === '/admin' || address.pathname === '/admin/')
        const times: number[] = []
        for (let visit = 0; visit < VISITS; visit++) {
          await page.goto('about:blank')
          const started = performance.now()
          await page.goto(`${url}/admin/collections/posts`)
          // Usable: the list's rows are on the page and the first title can be clicked.
          await page.locator('.table tbody tr').nth(9).waitFor()
          await page.locator('.table tbody tr a').first().waitFor()
          times.push(performance.now() - started)
        }
        const rows = await page.locator('.table tbody tr').count()
        log(`Production admin, posts list (${POSTS} posts, ${rows} rows shown), Chromium, navigation to usable:`)
        log(
          `  first visit ${(times[0] / 1000).toFixed(2)} s; then ${times
            .slice(1)
            .map((time) => `${(time / 1000).toFixed(2)} s`)
            .join(', ')}`,
        )
      } finally {
        await browser.close()
      }
    } finally {
      server.kill('SIGTERM')
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[2] === 'seed') {
  await seed()
  process.exit(0)
} else
  await main().catch((error) => {
    console.error(error)
    process.exit(1)
  })
