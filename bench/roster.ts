/**
 * Roster benchmark: builds the roster board of a cohort of 150 members × 26 weekly sessions and
 * imports a 500-row roster CSV, on a fresh SQLite database. The board is compared side by side
 * with the naive way (one query per cell). Run with `npm run bench`.
 */
import { performance } from 'node:perf_hooks'
import { createLocalReq } from 'payload'

import { buildBoard } from '../collections/studyGroups/roster/board'
import { importRoster } from '../collections/studyGroups/roster/importRoster'
import { generateSessions } from '../collections/studyGroups/roster/sessions'
import { submitWork } from '../collections/studyGroups/roster/submit'
import { POSTING_STUDY_RULES } from '../src/seed/demoContent'
import { startTestPayload } from '../tests/helpers/payload'

const MEMBERS = 150
const WEEKS = 26
const IMPORT_ROWS = 500
const BOARD_RUNS = 15
const CONCURRENT_SUBMISSIONS = 100
const TARGETS = { boardMs: 100, importMs: 5000 }

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]
const time = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now()
  const result = await work()
  return [result, performance.now() - started]
}
const csvFor = (rows: number, prefix: string) =>
  [
    'name,handle,email,blogUrl,role',
    ...Array.from(
      { length: rows },
      (_, i) =>
        `참여자 ${prefix}${i},${prefix}${i},${prefix}${i}@bench.test,https://blog.example.com/${prefix}${i},member`,
    ),
  ].join('\n')

async function main() {
  const log = (message: string) => process.stdout.write(`${message}\n`)
  const { payload, close } = await startTestPayload()
  payload.logger.level = 'warn'
  try {
    const admin = await payload.create({
      collection: 'users',
      data: { email: 'bench@bench.test', password: 'bench-password-1' },
    })
    const req = await createLocalReq({ user: admin as never }, payload)
    const group = await payload.create({
      collection: 'study-groups',
      data: {
        name: 'Bench study',
        kind: 'posting-study',
        rules: POSTING_STUDY_RULES,
      } as never,
    })
    const cohort = await payload.create({
      collection: 'cohorts',
      data: { group: group.id, label: 'bench', startDate: '2026-01-05', endDate: '2026-06-29' } as never,
    })

    log(`Seeding ${MEMBERS} members × ${WEEKS} sessions…`)
    const sessions = await generateSessions(req, cohort.id)
    await importRoster(await createLocalReq({ user: admin as never }, payload), cohort.id, csvFor(MEMBERS, 'm'), false)
    const sessionDocs = (
      await payload.find({
        collection: 'study-sessions',
        where: { cohort: { equals: cohort.id } },
        pagination: false,
        depth: 0,
      })
    ).docs
    const memberships = (
      await payload.find({
        collection: 'memberships',
        where: { cohort: { equals: cohort.id } },
        pagination: false,
        depth: 0,
      })
    ).docs
    let submitted = 0
    for (const [m, membership] of memberships.entries()) {
      for (const [s, session] of sessionDocs.entries()) {
        if ((m * 7 + s * 3) % 10 < 2) continue // about 80% of weeks submitted
        // Adapter-level insert: the seed is not what is measured.
        await payload.db.create({
          collection: 'submissions',
          data: {
            membership: membership.id,
            session: session.id,
            group: group.id,
            url: `https://blog.example.com/${m}/${s}`,
            submittedAt: session.deadline,
          },
          req: {} as never,
        })
        submitted += 1
      }
    }
    log(`  ${sessions.created} sessions, ${memberships.length} memberships, ${submitted} submissions`)

    for (let i = 0; i < 3; i++) await buildBoard(req, cohort.id) // warm-up
    const boardTimes: number[] = []
    for (let i = 0; i < BOARD_RUNS; i++) boardTimes.push((await time(() => buildBoard(req, cohort.id)))[1])

    // The naive board: one query per membership × session cell.
    const [, naiveMs] = await time(async () => {
      for (const membership of memberships) {
        for (const session of sessionDocs) {
          await payload.find({
            collection: 'submissions',
            where: { and: [{ membership: { equals: membership.id } }, { session: { equals: session.id } }] },
            limit: 1,
            depth: 0,
          })
        }
      }
    })

    const importCohort = await payload.create({
      collection: 'cohorts',
      data: { group: group.id, label: 'import', startDate: '2026-07-06', endDate: '2026-12-28' } as never,
    })
    const csv = csvFor(IMPORT_ROWS, 'i')
    const [dry, dryMs] = await time(async () =>
      importRoster(await createLocalReq({ user: admin as never }, payload), importCohort.id, csv, true),
    )
    const [applied, applyMs] = await time(async () =>
      importRoster(await createLocalReq({ user: admin as never }, payload), importCohort.id, csv, false),
    )
    if (dry.errors.length || !applied.applied) throw new Error('the import did not apply')

    // 100 submissions arriving at once, each through the submit endpoint's service with a request
    // of its own: first 100 people for one week, then one person's 100 resubmissions of that week.
    await generateSessions(await createLocalReq({ user: admin as never }, payload), importCohort.id)
    const [firstWeek] = (
      await payload.find({
        collection: 'study-sessions',
        where: { cohort: { equals: importCohort.id } },
        sort: 'deadline',
        limit: 1,
        depth: 0,
      })
    ).docs
    const importedMemberships = (
      await payload.find({
        collection: 'memberships',
        where: { cohort: { equals: importCohort.id } },
        limit: CONCURRENT_SUBMISSIONS,
        depth: 0,
      })
    ).docs
    const submitAtOnce = (membershipFor: (i: number) => number | string) =>
      time(async () =>
        Promise.allSettled(
          Array.from({ length: CONCURRENT_SUBMISSIONS }, async (_, i) =>
            submitWork(await createLocalReq({ user: admin as never }, payload), {
              session: firstWeek.id,
              membership: membershipFor(i),
              url: `https://blog.example.com/concurrent/${i}`,
            }),
          ),
        ),
      )
    const failures = (results: PromiseSettledResult<unknown>[]) => results.filter((r) => r.status === 'rejected')
    const [distinct, distinctMs] = await submitAtOnce((i) => importedMemberships[i].id)
    const [same, sameMs] = await submitAtOnce(() => importedMemberships[0].id)
    const { totalDocs: storedForWeek } = await payload.count({
      collection: 'submissions',
      where: { session: { equals: firstWeek.id } },
    })
    const firstFailure = [...failures(distinct), ...failures(same)][0] as PromiseRejectedResult | undefined
    if (firstFailure) log(`  first failed submission: ${String(firstFailure.reason)}`)

    const boardMedian = median(boardTimes)
    const rows: [string, string, string, string][] = [
      [
        'roster board 150×26, median',
        `${boardMedian.toFixed(1)} ms`,
        `target < ${TARGETS.boardMs} ms`,
        boardMedian < TARGETS.boardMs ? 'met' : 'MISSED',
      ],
      ['roster board 150×26, p95', `${percentile(boardTimes, 95).toFixed(1)} ms`, '', ''],
      [
        'naive board (query per cell)',
        `${naiveMs.toFixed(0)} ms`,
        `×${(naiveMs / boardMedian).toFixed(0)} slower`,
        'baseline',
      ],
      [`CSV import ${IMPORT_ROWS} rows, dry run`, `${dryMs.toFixed(0)} ms`, '', ''],
      [
        `CSV import ${IMPORT_ROWS} rows, apply`,
        `${applyMs.toFixed(0)} ms`,
        `target < ${TARGETS.importMs} ms`,
        applyMs < TARGETS.importMs ? 'met' : 'MISSED',
      ],
      [
        `${CONCURRENT_SUBMISSIONS} people submitting at once`,
        `${distinctMs.toFixed(0)} ms`,
        `${failures(distinct).length} failed`,
        failures(distinct).length === 0 ? 'all stored' : 'FAILURES',
      ],
      [
        `one person's ${CONCURRENT_SUBMISSIONS} resubmissions at once`,
        `${sameMs.toFixed(0)} ms`,
        `${failures(same).length} failed, ${storedForWeek} rows for the week`,
        failures(same).length === 0 && storedForWeek === CONCURRENT_SUBMISSIONS ? 'one row each' : 'FAILURES',
      ],
    ]
    log('')
    log(`| measure | figure | against | result |\n| --- | --- | --- | --- |`)
    for (const row of rows) log(`| ${row.join(' | ')} |`)
    log(`\nPeak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`)
  } finally {
    await close()
  }
}

await main()
process.exit(0)
