/**
 * Feed-polling benchmark: one full round over 150 active members' blog feeds (20 items each,
 * velog-like RSS) served on loopback from 15 hosts (127.0.0.1–127.0.0.15, ten blogs each, as ten
 * members share velog or Tistory), with the default per-host pace of 1 s; then a round where every
 * feed answers 304, a round with one new post per feed, and the same round without pacing to show
 * the processing cost alone. Prints time and memory for each. Run with `npm run bench:feeds`.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { performance } from 'node:perf_hooks'
import { createLocalReq } from 'payload'

import { pollMemberFeeds, type FeedPollSettings } from '../collections/studyGroups/feeds/poll'
import { generateSessions } from '../collections/studyGroups/roster/sessions'
import { POSTING_STUDY_RULES } from '../src/seed/demoContent'
import { rss, type Item } from '../tests/helpers/feedServer'
import { startTestPayload } from '../tests/helpers/payload'

const MEMBERS = 150
const HOSTS = 15
const ITEMS = 20
const DAY_MS = 86_400_000

async function main() {
  const log = (message: string) => process.stdout.write(`${message}\n`)
  const { payload, close } = await startTestPayload()
  payload.logger.level = 'warn'
  const feeds = new Map<string, Item[]>()
  const servers = await Promise.all(
    Array.from({ length: HOSTS }, (_, index) => {
      const server = http.createServer((request, response) => {
        const items = feeds.get(request.url ?? '') ?? []
        const body = rss('bench', items)
        const etag = `"${items.length}-${items[0]?.link ?? ''}"`
        if (request.headers['if-none-match'] === etag) return response.writeHead(304, { etag }).end()
        response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(body)
      })
      return new Promise<http.Server>((resolve) => server.listen(0, `127.0.0.${index + 1}`, () => resolve(server)))
    }),
  )
  const hostUrl = (member: number) => {
    const server = servers[member % HOSTS]
    const { address, port } = server.address() as AddressInfo
    return `http://${address}:${port}/rss/@member${member}`
  }
  try {
    const admin = await payload.create({
      collection: 'users',
      data: { email: 'bench@bench.test', password: 'bench-password-1' },
    })
    const group = await payload.create({
      collection: 'study-groups',
      data: { name: 'Bench feeds', kind: 'posting-study', status: 'active', rules: POSTING_STUDY_RULES } as never,
    })
    // A cohort in its third week, so this week's posts count and older ones are only recorded.
    const monday = new Date(Date.now() - 14 * DAY_MS)
    monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7))
    const cohort = await payload.create({
      collection: 'cohorts',
      data: {
        group: group.id,
        label: '1기',
        status: 'active',
        startDate: monday.toISOString().slice(0, 10),
        endDate: new Date(monday.getTime() + 8 * 7 * DAY_MS).toISOString().slice(0, 10),
      } as never,
    })
    await generateSessions(await createLocalReq({ user: admin as never }, payload), cohort.id)
    log(`Seeding ${MEMBERS} members with a feed of ${ITEMS} posts each, on ${HOSTS} loopback hosts…`)
    for (let member = 0; member < MEMBERS; member++) {
      const doc = await payload.create({
        collection: 'members',
        data: { displayName: `Member ${member}`, feedUrl: hostUrl(member) } as never,
      })
      await payload.create({
        collection: 'memberships',
        data: { member: doc.id, cohort: cohort.id, status: 'active' } as never,
      })
      feeds.set(
        new URL(hostUrl(member)).pathname,
        Array.from({ length: ITEMS }, (_, item) => ({
          title: `Post ${item} of member ${member}`,
          link: `https://velog.io/@member${member}/post-${item}`,
          date: new Date(Date.now() - item * 3 * DAY_MS - 3_600_000).toISOString(),
        })),
      )
    }

    const settings: FeedPollSettings = {
      timeoutMs: 15_000,
      maxBytes: 5_000_000,
      hostPaceMs: 1_000,
      backdateGraceMinutes: 90,
      allowPrivateHosts: servers.map((server) => (server.address() as AddressInfo).address),
    }
    const round = async (name: string, roundSettings: FeedPollSettings) => {
      global.gc?.()
      const before = process.memoryUsage()
      let peak = before.rss
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
      const started = performance.now()
      const result = await pollMemberFeeds(payload, roundSettings)
      const ms = performance.now() - started
      clearInterval(sampler)
      peak = Math.max(peak, process.memoryUsage().rss)
      log(
        `  ${name.padEnd(44)} ${(ms / 1000).toFixed(1).padStart(6)} s   ${result.checked} feeds, ${result.failed} failed, ${result.newItems} new items, ${result.submissions} submissions   RSS ${(before.rss / 2 ** 20).toFixed(0)} → peak ${(peak / 2 ** 20).toFixed(0)} MB (+${((peak - before.rss) / 2 ** 20).toFixed(0)})`,
      )
    }
    log(`One full round (8 hosts at once, ${settings.hostPaceMs} ms between requests to one host):`)
    await round('first round (every post new)', settings)
    await round('second round (every feed answers 304)', settings)
    const addPost = (tag: string) => {
      for (const [path, items] of feeds)
        items.unshift({
          title: `New ${tag}`,
          link: `https://velog.io${path.replace('/rss', '')}/${tag}`,
          date: new Date().toISOString(),
        })
    }
    addPost('new-1')
    await round('third round (one new post per feed)', settings)
    addPost('new-2')
    await round('the same without pacing (processing alone)', { ...settings, hostPaceMs: 0 })
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))))
    await close()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
