import { setTimeout as sleep } from 'node:timers/promises'
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'

import type { Id } from '../../shared/documents'
import { readFeedEntries, type FeedEntry } from '../../shared/lib/feedReader'
import { idOf } from '../../shared/lib/ids'
import { getOutbound } from '../../shared/lib/outbound'
import { inTransaction } from '../../shared/transactions'
import { sessionForPostAt } from '../rosterRules'
import { FROM_FEED } from '../Submissions/hooks/prepareSubmission'
import type { Member } from '../types'
import { discoverFeed, platformFeedUrl } from './discover'
import type { FeedHealth } from './health'

export type FeedPollSettings = {
  timeoutMs: number
  maxBytes: number
  hostPaceMs: number
  backdateGraceMinutes: number
  /** Private or local hosts feeds may live on (development, tests). */
  allowPrivateHosts: readonly string[]
}

export type FeedCheck = {
  member: Id
  feedUrl: string | null
  result: 'updated' | 'unchanged' | 'failed'
  newItems: number
  submissions: Id[]
  error: string | null
}

export type FeedRound = {
  checked: number
  failed: number
  newItems: number
  submissions: number
  checks: FeedCheck[]
}

/** Hosts checked at the same time; each host's members are checked one after another. */
const HOSTS_AT_ONCE = 8

type MemberRow = Pick<Member, 'id' | 'displayName' | 'blogUrl' | 'feedUrl' | 'feedStatus'>
type SessionWindow = { id: Id; deadline: Date | null }
/** A membership the feed counts for: an active member of an active cohort. */
type Enrolment = { membershipId: Id; sessions: SessionWindow[] }

/**
 * One round of the feed poller: every member with an active membership in an active cohort (or
 * the members named), one request each with the validators of the last answer (ETag,
 * Last-Modified), a few hosts at a time and each host paced. New items become submissions.
 */
export async function pollMemberFeeds(
  payload: Payload,
  settings: FeedPollSettings,
  { memberIds, now = () => new Date() }: { memberIds?: Id[]; now?: () => Date } = {},
): Promise<FeedRound> {
  // The poller writes as the system: a submission it records is nobody's own.
  const req = await createLocalReq({ context: { [FROM_FEED]: true } }, payload)
  const enrolments = await activeEnrolments(req, memberIds)
  const ids = memberIds ?? [...enrolments.keys()]
  if (!ids.length) return { checked: 0, failed: 0, newItems: 0, submissions: 0, checks: [] }
  const { docs: members } = await payload.db.find<MemberRow>({
    collection: 'members',
    where: { id: { in: ids } },
    limit: 0,
    pagination: false,
    req,
  })

  const byHost = new Map<string, MemberRow[]>()
  for (const member of members) {
    const host = hostOf(targetOf(member) ?? member.blogUrl ?? '')
    byHost.set(host, [...(byHost.get(host) ?? []), member])
  }
  const checks: FeedCheck[] = []
  const queues = [...byHost.values()]
  const worker = async () => {
    for (let queue = queues.shift(); queue; queue = queues.shift()) {
      for (const [position, member] of queue.entries()) {
        if (position > 0 && settings.hostPaceMs > 0) await sleep(settings.hostPaceMs)
        checks.push(await checkMember(req, member, enrolments.get(String(member.id)) ?? [], settings, now()))
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(HOSTS_AT_ONCE, queues.length) }, worker))
  return {
    checked: checks.length,
    failed: checks.filter((check) => check.result === 'failed').length,
    newItems: checks.reduce((sum, check) => sum + check.newItems, 0),
    submissions: checks.reduce((sum, check) => sum + check.submissions.length, 0),
    checks,
  }
}

const hostOf = (raw: string) => {
  try {
    return new URL(platformFeedUrl(raw) ?? raw).hostname.toLowerCase()
  } catch {
    return ''
  }
}

/** The feed to poll without looking it up: the member's own, else the one found from this blog before. */
const targetOf = (member: MemberRow) =>
  member.feedUrl?.trim() ||
  (member.feedStatus?.url && member.feedStatus.discoveredFrom && member.feedStatus.discoveredFrom === member.blogUrl
    ? member.feedStatus.url
    : null)

/** Each member's active memberships in active cohorts, with the cohort's sessions. */
async function activeEnrolments(req: PayloadRequest, memberIds?: Id[]): Promise<Map<string, Enrolment[]>> {
  const raw = { limit: 0, pagination: false, req } as const
  const { docs: cohorts } = await req.payload.db.find<{ id: Id }>({
    collection: 'cohorts',
    where: { status: { equals: 'active' } },
    ...raw,
  })
  const enrolments = new Map<string, Enrolment[]>()
  if (!cohorts.length) return enrolments
  const cohortIds = cohorts.map((cohort) => cohort.id)
  const [memberships, sessions] = await Promise.all([
    req.payload.db.find<{ id: Id; member: Id; cohort: Id }>({
      collection: 'memberships',
      where: {
        and: [
          { cohort: { in: cohortIds } },
          { status: { equals: 'active' } },
          ...(memberIds ? [{ member: { in: memberIds } }] : []),
        ],
      },
      ...raw,
    }),
    req.payload.db.find<{ id: Id; cohort: Id; deadline?: string | null }>({
      collection: 'study-sessions',
      where: { cohort: { in: cohortIds } },
      ...raw,
    }),
  ])
  const windows = new Map<string, SessionWindow[]>()
  for (const session of sessions.docs) {
    const cohort = String(idOf(session.cohort))
    windows.set(cohort, [
      ...(windows.get(cohort) ?? []),
      { id: session.id, deadline: session.deadline ? new Date(session.deadline) : null },
    ])
  }
  for (const membership of memberships.docs) {
    const memberId = String(idOf(membership.member))
    const cohortSessions = windows.get(String(idOf(membership.cohort))) ?? []
    enrolments.set(memberId, [
      ...(enrolments.get(memberId) ?? []),
      { membershipId: membership.id, sessions: cohortSessions },
    ])
  }
  return enrolments
}

/** Bytes as text in the charset the answer or its XML declaration names (UTF-8 by default). */
function decode(body: Buffer, contentType: string | undefined): string {
  const declared =
    /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1] ??
    /^<\?xml[^>]*encoding=["']([\w-]+)["']/i.exec(body.subarray(0, 200).toString('latin1'))?.[1] ??
    'utf-8'
  try {
    return new TextDecoder(declared.toLowerCase()).decode(body)
  } catch {
    return body.toString('utf8')
  }
}

const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5'

async function checkMember(
  req: PayloadRequest,
  member: MemberRow,
  enrolments: Enrolment[],
  settings: FeedPollSettings,
  checkedAt: Date,
): Promise<FeedCheck> {
  const previous: FeedHealth = member.feedStatus ?? {}
  const health: FeedHealth = { ...previous, lastCheckedAt: checkedAt.toISOString() }
  const request = (url: string, headers: Record<string, string> = {}) =>
    getOutbound(url, {
      timeoutMs: settings.timeoutMs,
      maxBytes: settings.maxBytes,
      allowHosts: settings.allowPrivateHosts,
      headers: { 'user-agent': 'Devlog-Feeds/1 (+study group submissions)', accept: FEED_ACCEPT, ...headers },
    })
  let feedUrl = targetOf(member)
  const check: FeedCheck = {
    member: member.id,
    feedUrl,
    result: 'unchanged',
    newItems: 0,
    submissions: [],
    error: null,
  }
  try {
    if (!feedUrl) {
      if (!member.blogUrl) throw new Error('no feed: the member has neither a feed URL nor a blog URL')
      feedUrl = await discoverFeed(member.blogUrl, async (url) => {
        const answer = await request(url, { accept: 'text/html, application/xhtml+xml, */*;q=0.5' })
        return { status: answer.status, text: decode(answer.body, answer.headers['content-type']) }
      })
      health.discoveredFrom = member.blogUrl
      check.feedUrl = feedUrl
    }
    const sameFeed = previous.url === feedUrl
    const answer = await request(feedUrl, {
      ...(sameFeed && previous.etag ? { 'if-none-match': previous.etag } : {}),
      ...(sameFeed && previous.lastModified ? { 'if-modified-since': previous.lastModified } : {}),
    })
    health.url = feedUrl
    if (answer.status !== 304) {
      if (answer.status < 200 || answer.status >= 300) throw new Error(`the feed answered HTTP ${answer.status}`)
      const entries = readFeedEntries(decode(answer.body, answer.headers['content-type']))
      if (!entries) throw new Error('the answer is not an RSS or Atom feed')
      const recorded = await recordEntries(req, member.id, entries, enrolments, settings, checkedAt)
      Object.assign(check, { result: 'updated', ...recorded })
      health.etag = String(answer.headers.etag ?? '') || null
      health.lastModified = String(answer.headers['last-modified'] ?? '') || null
      health.itemsSeen = (previous.itemsSeen ?? 0) + recorded.newItems
    }
    health.lastSuccessAt = checkedAt.toISOString()
    health.lastError = null
  } catch (error) {
    check.result = 'failed'
    check.error = error instanceof Error ? error.message : String(error)
    health.lastError = check.error.slice(0, 500)
  }
  await req.payload.update({
    collection: 'members',
    id: member.id,
    data: { feedStatus: health } as never,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return check
}

type KnownItem = { identity: string; link?: string | null }
/** Items read of one feed in one poll, newest first: a member posts a few a week. */
const MAX_ITEMS_PER_FEED = 100
const identityOf = (entry: FeedEntry) => entry.guid ?? entry.link

/**
 * Records the items not seen before (by guid, else link, and by link alone, so a feed that
 * changes an item's guid or date does not count it again), oldest first, and turns each into a
 * submission for the session its date falls in, in each cohort the member is active in, unless
 * that week already has one. An item seen more than the grace after that week's deadline waits
 * for an operator's decision. Its date counts, but never later than when it was first seen.
 */
async function recordEntries(
  req: PayloadRequest,
  memberId: Id,
  entries: FeedEntry[],
  enrolments: Enrolment[],
  settings: FeedPollSettings,
  seenAt: Date,
): Promise<{ newItems: number; submissions: Id[] }> {
  const dated = entries
    .filter((entry) => identityOf(entry))
    .map((entry) => ({ entry, date: entry.date ? new Date(entry.date) : null }))
    .map(({ entry, date }) => ({ entry, date: date && !Number.isNaN(date.getTime()) ? date : null }))
    .sort((a, b) => (b.date?.getTime() ?? seenAt.getTime()) - (a.date?.getTime() ?? seenAt.getTime()))
    // The newest items only: a feed of thousands (a whole archive) is read as its latest page.
    .slice(0, MAX_ITEMS_PER_FEED)
    .reverse()
  const identities = dated.map(({ entry }) => identityOf(entry)!)
  const links = dated.map(({ entry }) => entry.link).filter(Boolean)
  const { docs: known } = await req.payload.db.find<KnownItem>({
    collection: 'member-feed-items',
    where: {
      and: [
        { member: { equals: memberId } },
        { or: [{ identity: { in: identities } }, ...(links.length ? [{ link: { in: links } }] : [])] },
      ],
    },
    limit: 0,
    pagination: false,
    req,
  })
  const seen = new Set(known.flatMap((item) => [item.identity, ...(item.link ? [item.link] : [])]))

  let newItems = 0
  const submissions: Id[] = []
  for (const { entry, date } of dated) {
    const identity = identityOf(entry)!
    if (seen.has(identity) || (entry.link && seen.has(entry.link))) continue
    seen.add(identity)
    if (entry.link) seen.add(entry.link)
    const countsAt = date && date.getTime() <= seenAt.getTime() ? date : seenAt
    try {
      const created = await inTransaction(req, async () => {
        const item = await req.payload.create({
          collection: 'member-feed-items',
          data: {
            member: memberId,
            identity,
            guid: entry.guid,
            link: entry.link || null,
            title: entry.title?.slice(0, 300) ?? null,
            publishedAt: date?.toISOString() ?? null,
            firstSeenAt: seenAt.toISOString(),
          } as never,
          depth: 0,
          overrideAccess: true,
          req,
        })
        const made: Id[] = []
        for (const enrolment of enrolments) {
          const session = sessionForPostAt(enrolment.sessions, countsAt)
          if (!session || !entry.link) continue
          const taken = await req.payload.db.count({
            collection: 'submissions',
            where: { and: [{ membership: { equals: enrolment.membershipId } }, { session: { equals: session.id } }] },
            req,
          })
          if (taken.totalDocs > 0) continue
          const lateBy = seenAt.getTime() - session.deadline!.getTime()
          const submission = await req.payload.create({
            collection: 'submissions',
            data: {
              membership: enrolment.membershipId,
              session: session.id,
              url: entry.link,
              title: entry.title?.slice(0, 300) ?? null,
              submittedAt: countsAt.toISOString(),
              source: 'feed',
              review: lateBy > settings.backdateGraceMinutes * 60_000 ? 'needs-decision' : null,
              firstSeenAt: seenAt.toISOString(),
              feedItem: item.id,
            } as never,
            depth: 0,
            overrideAccess: true,
            req,
          })
          made.push(submission.id)
        }
        if (made.length) {
          await req.payload.update({
            collection: 'member-feed-items',
            id: item.id,
            data: { submissions: made } as never,
            depth: 0,
            overrideAccess: true,
            req,
          })
        }
        return made
      })
      newItems += 1
      submissions.push(...created)
    } catch (error) {
      // Another round (a "check now" beside the scheduled one) recorded this item first; anything
      // else wrong with one item is logged, and the newer items are still counted.
      const again = await req.payload.db.count({
        collection: 'member-feed-items',
        where: { and: [{ member: { equals: memberId } }, { identity: { equals: identity } }] },
        req,
      })
      if (again.totalDocs === 0)
        req.payload.logger.warn(
          `Feed item ${identity.slice(0, 200)} of member ${memberId} not recorded: ${error instanceof Error ? error.message : String(error)}`,
        )
    }
  }
  return { newItems, submissions }
}
