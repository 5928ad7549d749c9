import { Forbidden, type PayloadRequest } from 'payload'

import { hasRole } from '../../shared/access/roles'
import type { Id } from '../../shared/documents'
import { httpError } from '../../shared/endpoints'
import { idOf } from '../../shared/lib/ids'
import { reachesMember } from '../access'
import type { Member } from '../types'
import type { FeedHealth } from './health'
import { pollMemberFeeds, type FeedCheck, type FeedPollSettings } from './poll'

/** A member's feed may be checked by hand once a minute, whoever asks and on whichever instance. */
export const CHECK_NOW_INTERVAL_MS = 60_000
const RECENT_ITEMS = 10

export type MemberFeedStatus = {
  member: { id: Id; displayName: string }
  /** The feed the member gave, else the one found from their blog. */
  feedUrl: string | null
  blogUrl: string | null
  health: Omit<FeedHealth, 'etag' | 'lastModified' | 'discoveredFrom'>
  recentItems: {
    id: Id
    title: string | null
    link: string | null
    publishedAt: string | null
    firstSeenAt: string
    submissions: Id[]
  }[]
}

/** The member, if the user may see their feed: the member themself, admins, operators who reach them. */
async function memberForFeed(req: PayloadRequest, memberId: Id): Promise<Member> {
  if (!req.user) throw httpError('Sign in to see a member’s feed.', 401)
  const member = await req.payload.findByID({
    collection: 'members',
    id: memberId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  if (!member) throw httpError(`No member with id ${memberId}.`, 404)
  const own = String(idOf(member.user)) === String(req.user.id)
  if (!own && !hasRole(req.user, 'admin') && !(await reachesMember(req, memberId))) throw new Forbidden(req.t)
  return member as unknown as Member
}

export async function memberFeedStatus(req: PayloadRequest, memberId: Id): Promise<MemberFeedStatus> {
  const member = await memberForFeed(req, memberId)
  const { docs } = await req.payload.find({
    collection: 'member-feed-items',
    where: { member: { equals: member.id } },
    sort: '-firstSeenAt',
    limit: RECENT_ITEMS,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const {
    url = null,
    lastCheckedAt = null,
    lastSuccessAt = null,
    lastError = null,
    itemsSeen = 0,
  } = member.feedStatus ?? {}
  return {
    member: { id: member.id, displayName: member.displayName },
    feedUrl: member.feedUrl || url || null,
    blogUrl: member.blogUrl ?? null,
    health: { url, lastCheckedAt, lastSuccessAt, lastError, itemsSeen },
    recentItems: docs.map((item) => ({
      id: item.id,
      title: (item.title as string | null) ?? null,
      link: (item.link as string | null) ?? null,
      publishedAt: (item.publishedAt as string | null) ?? null,
      firstSeenAt: item.firstSeenAt as string,
      submissions: ((item.submissions as unknown[] | null) ?? []).map((each) => idOf(each)!),
    })),
  }
}

/**
 * Checks a member's feed now, for their operators, admins or the member: at most once a minute
 * per member (the last check's time is on the member, so every instance sees it).
 */
export async function checkMemberFeedNow(
  req: PayloadRequest,
  memberId: Id,
  settings: FeedPollSettings,
): Promise<{ check: FeedCheck; status: MemberFeedStatus }> {
  const member = await memberForFeed(req, memberId)
  if (!member.feedUrl && !member.blogUrl) throw httpError('feedUrl: the member has no feed URL or blog URL to check.')
  const last = member.feedStatus?.lastCheckedAt ? new Date(member.feedStatus.lastCheckedAt).getTime() : 0
  const waitMs = last + CHECK_NOW_INTERVAL_MS - Date.now()
  if (waitMs > 0) {
    const seconds = Math.ceil(waitMs / 1000)
    req.responseHeaders = new Headers({ 'Retry-After': String(seconds) })
    throw httpError(`This feed was checked less than a minute ago; try again in ${seconds} s.`, 429)
  }
  const round = await pollMemberFeeds(req.payload, settings, { memberIds: [member.id] })
  return { check: round.checks[0], status: await memberFeedStatus(req, memberId) }
}
