import { createLocalReq, type Payload, type PayloadRequest } from 'payload'

import type { Id } from '../../shared/documents'
import { idOf } from '../../shared/lib/ids'
import { markdownToLexical } from '../../shared/richtext/markdown'
import { inTransaction } from '../../shared/transactions'
import { buildBoard, type Board } from '../roster/board'
import { takesPart, type SubmissionStatus } from '../rosterRules'
import type { StudyGroup } from '../types'
import {
  digestMarkdown,
  digestTitle,
  reminderToChannel,
  reminderToMember,
  summaryToOperators,
  type Message,
  type WeekContext,
  type WeekOutcome,
} from './messages'
import { noticeSettings, type NoticeSettings } from './settings'
import type { NoticeChannel, NoticeKind } from './StudyNotices'
import { DELIVER_NOTICE_TASK } from './deliver'

const HOUR_MS = 3_600_000
/** Summaries and digests go out within a day of the deadline; a server down longer skips them. */
const AFTER_DEADLINE_MS = 24 * HOUR_MS

export type GroupRow = StudyGroup & { notices?: NoticeSettings | null }
export type SessionRow = { id: Id; number: number; deadline?: string | null }

export type NoticePlan = { queued: number; digests: Id[] }

/**
 * What is due now in every active cohort, each notice written once under its key and its
 * delivery queued in the same transaction: reminders between a deadline's offsets and the
 * deadline (only the nearest offset that is due, so a server that was down does not send both),
 * to members who have not submitted and have not opted out, by email and to the group's Slack
 * and Discord; after the deadline, the operators' summary and the weekly digest draft.
 */
export async function planNotices(payload: Payload, { now = new Date() }: { now?: Date } = {}): Promise<NoticePlan> {
  const req = await createLocalReq({}, payload)
  const raw = { limit: 0, pagination: false, req } as const
  const { docs: cohorts } = await payload.db.find<{ id: Id; group: Id; label: string }>({
    collection: 'cohorts',
    where: { status: { equals: 'active' } },
    ...raw,
  })
  const plan: NoticePlan = { queued: 0, digests: [] }
  if (!cohorts.length) return plan
  const { docs: groups } = await payload.db.find<GroupRow>({
    collection: 'study-groups',
    where: { id: { in: [...new Set(cohorts.map((cohort) => idOf(cohort.group)!))] } },
    ...raw,
  })
  const groupById = new Map(groups.map((group) => [String(group.id), group]))

  for (const cohort of cohorts) {
    const group = groupById.get(String(idOf(cohort.group)))
    if (!group) continue
    const earliestReminder = Math.max(...noticeSettings(group.notices).reminderHours) * HOUR_MS
    const { docs: sessions } = await payload.db.find<SessionRow>({
      collection: 'study-sessions',
      where: {
        and: [
          { cohort: { equals: cohort.id } },
          { deadline: { greater_than: new Date(now.getTime() - AFTER_DEADLINE_MS).toISOString() } },
          { deadline: { less_than_equal: new Date(now.getTime() + earliestReminder).toISOString() } },
        ],
      },
      ...raw,
    })
    if (!sessions.length) continue
    const board = await buildBoard(req, cohort.id, { now, requireOperator: false })
    for (const session of sessions) {
      const week = weekOf(group, cohort.label, session, board)
      const { settings } = week
      if (now.getTime() < week.context.deadline.getTime()) plan.queued += await planReminders(req, week, now)
      else {
        if (settings.summaries) plan.queued += await planSummary(req, week)
        if (settings.weeklyDigest) {
          const digest = await createDigest(req, week)
          if (digest) plan.digests.push(digest)
        }
      }
    }
  }
  return plan
}

export type Week = {
  group: GroupRow
  session: SessionRow
  context: WeekContext
  board: Board
  settings: ReturnType<typeof noticeSettings>
}

/** One session of a cohort with what its notices say and who they concern. */
export function weekOf(group: GroupRow, cohortLabel: string, session: SessionRow, board: Board): Week {
  const settings = noticeSettings(group.notices)
  return {
    group,
    session,
    board,
    settings,
    context: {
      groupName: group.name,
      cohortLabel,
      week: session.number,
      deadline: new Date(session.deadline!),
      timeZone: group.rules?.timeZone || 'Asia/Seoul',
      language: settings.language,
    },
  }
}

/** Each taking part member's status in the week, in the board's order (by name). */
const weekRows = ({ board, session }: Week) =>
  board.rows
    .filter((row) => takesPart(row.status))
    .map((row) => ({
      row,
      status: row.summary.cells.find((cell) => String(cell.sessionId) === String(session.id))?.submission ?? 'pending',
    }))

type NoticeData = {
  key: string
  kind: NoticeKind
  channel: NoticeChannel
  message: Message
  recipient: string
  member?: Id
  user?: Id
}

/**
 * Writes the notice under its key and queues its delivery, both or neither. False when the key
 * exists: planned before, here or on another instance.
 */
async function queueNotice(req: PayloadRequest, week: Week, notice: NoticeData): Promise<boolean> {
  const exists = async () =>
    (await req.payload.db.count({ collection: 'study-notices', where: { key: { equals: notice.key } }, req }))
      .totalDocs > 0
  if (await exists()) return false
  try {
    await inTransaction(req, async () => {
      const created = await req.payload.create({
        collection: 'study-notices',
        data: {
          key: notice.key,
          kind: notice.kind,
          channel: notice.channel,
          group: week.group.id,
          session: week.session.id,
          member: notice.member,
          user: notice.user,
          recipient: notice.recipient,
          subject: notice.message.subject,
          text: notice.message.text,
        } as never,
        depth: 0,
        overrideAccess: true,
        req,
      })
      await req.payload.jobs.queue({ task: DELIVER_NOTICE_TASK, input: { notice: String(created.id) }, req })
    })
    return true
  } catch (error) {
    if (await exists()) return false
    throw error
  }
}

/** Notices to the group's Slack and Discord, where it has them. */
const channelNotices = (week: Week, key: string, kind: NoticeKind, message: Message): NoticeData[] => [
  ...(week.settings.slackWebhookUrl
    ? [{ key: `${key}:slack`, kind, channel: 'slack' as const, message, recipient: 'Slack' }]
    : []),
  ...(week.settings.discordWebhookUrl
    ? [{ key: `${key}:discord`, kind, channel: 'discord' as const, message, recipient: 'Discord' }]
    : []),
]

const emailConfigured = (payload: Payload) => payload.email?.name !== 'console'

async function planReminders(req: PayloadRequest, week: Week, now: Date): Promise<number> {
  const { settings, session, context } = week
  const untilDeadline = context.deadline.getTime() - now.getTime()
  const hoursLeft = [...settings.reminderHours].sort((a, b) => a - b).find((hours) => hours * HOUR_MS >= untilDeadline)
  if (hoursLeft === undefined) return 0
  const waiting = weekRows(week).filter(({ row, status }) => row.status === 'active' && status === 'pending')
  if (!waiting.length) return 0
  const { docs: members } = await req.payload.db.find<{
    id: Id
    remindersOptOut?: boolean | null
    email?: string | null
  }>({
    collection: 'members',
    where: { id: { in: waiting.map(({ row }) => row.member.id) } },
    limit: 0,
    pagination: false,
    req,
  })
  const memberById = new Map(members.map((member) => [String(member.id), member]))
  const reminded = waiting.filter(({ row }) => !memberById.get(String(row.member.id))?.remindersOptOut)
  const key = `reminder:${session.id}:${hoursLeft}`
  const notices: NoticeData[] = [
    ...(settings.emailReminders && emailConfigured(req.payload)
      ? reminded
          .filter(({ row }) => memberById.get(String(row.member.id))?.email)
          .map(({ row }) => ({
            key: `${key}:email:${row.membershipId}`,
            kind: 'reminder' as const,
            channel: 'email' as const,
            message: reminderToMember(context, row.member.displayName, hoursLeft),
            recipient: row.member.displayName,
            member: row.member.id,
          }))
      : []),
    ...(reminded.length
      ? channelNotices(
          week,
          key,
          'reminder',
          reminderToChannel(
            context,
            reminded.map(({ row }) => row.member.displayName),
            hoursLeft,
          ),
        )
      : []),
  ]
  let queued = 0
  for (const notice of notices) if (await queueNotice(req, week, notice)) queued += 1
  return queued
}

/** The week's outcome for the operators, from the board's statuses. */
export function weekOutcome(week: Pick<Week, 'board' | 'session'>): WeekOutcome {
  const rows = weekRows(week as Week)
  const named = (...statuses: SubmissionStatus[]) =>
    rows.filter(({ status }) => statuses.includes(status)).map(({ row }) => row.member.displayName)
  return {
    onTime: named('on-time'),
    late: named('late'),
    missing: named('missing'),
    passUsed: named('pass-used'),
    inReview: named('in-review'),
    excused: named('excused'),
    atRisk: rows.filter(({ row }) => row.summary.atRisk).map(({ row }) => row.member.displayName),
    fines: named('missing').length * Math.max(0, week.board.rules.finePerMiss),
  }
}

async function planSummary(req: PayloadRequest, week: Week): Promise<number> {
  const message = summaryToOperators(week.context, weekOutcome(week))
  const operatorIds = (week.group.operators ?? []).map((operator) => idOf(operator)!)
  const { docs: operators } = operatorIds.length
    ? await req.payload.db.find<{ id: Id; name?: string | null; email?: string | null }>({
        collection: 'users',
        where: { id: { in: operatorIds } },
        limit: 0,
        pagination: false,
        req,
      })
    : { docs: [] }
  const key = `summary:${week.session.id}`
  const notices: NoticeData[] = [
    ...(emailConfigured(req.payload)
      ? operators
          .filter((operator) => operator.email)
          .map((operator) => ({
            key: `${key}:email:${operator.id}`,
            kind: 'summary' as const,
            channel: 'email' as const,
            message,
            recipient: operator.name || String(operator.id),
            user: operator.id,
          }))
      : []),
    ...channelNotices(week, key, 'summary', message),
  ]
  let queued = 0
  for (const notice of notices) if (await queueNotice(req, week, notice)) queued += 1
  return queued
}

/**
 * The weekly digest: a draft post listing the week's submissions (author, title, link), tagged
 * with the group, for an editor to review and publish. Written once per session (its notice key
 * claims it); null when it exists already or nobody submitted.
 */
export async function createDigest(req: PayloadRequest, week: Week): Promise<Id | null> {
  const key = `digest:${week.session.id}`
  const done = await req.payload.db.count({ collection: 'study-notices', where: { key: { equals: key } }, req })
  if (done.totalDocs > 0) return null
  const entries = digestEntries(week)
  if (!entries.length) return null
  const title = digestTitle(week.context)
  try {
    return await inTransaction(req, async () => {
      const notice = await req.payload.create({
        collection: 'study-notices',
        data: {
          key,
          kind: 'digest',
          channel: 'post',
          status: 'sent',
          group: week.group.id,
          session: week.session.id,
          subject: title,
          sentAt: new Date().toISOString(),
        } as never,
        depth: 0,
        overrideAccess: true,
        req,
      })
      const tag = await groupTag(req, week.group)
      const post = await req.payload.create({
        collection: 'posts',
        draft: true,
        data: {
          title,
          _status: 'draft',
          content: markdownToLexical(req.payload, 'posts', 'content', digestMarkdown(week.context, entries)),
          tags: [tag],
          authors: (week.group.operators ?? []).map((operator) => idOf(operator)!),
        } as never,
        depth: 0,
        overrideAccess: true,
        req,
      })
      await req.payload.update({
        collection: 'study-notices',
        id: notice.id,
        data: { post: post.id } as never,
        depth: 0,
        overrideAccess: true,
        req,
      })
      return post.id
    })
  } catch (error) {
    const again = await req.payload.db.count({ collection: 'study-notices', where: { key: { equals: key } }, req })
    if (again.totalDocs > 0) return null
    throw error
  }
}

/** The week's submissions with a link (not rejected), oldest first. */
export const digestEntries = ({ board, session }: Pick<Week, 'board' | 'session'>) =>
  board.rows
    .flatMap((row) => {
      const submission = row.submissions[String(session.id)]
      return submission?.url ? [{ submission, author: row.member.displayName }] : []
    })
    .sort((a, b) => Date.parse(a.submission.submittedAt) - Date.parse(b.submission.submittedAt))
    .map(({ submission, author }) => ({ title: submission.title ?? '', url: submission.url!, author }))

/** The tag named after the group, created the first time. */
async function groupTag(req: PayloadRequest, group: GroupRow): Promise<Id> {
  const name = group.name.slice(0, 60)
  const { docs } = await req.payload.find({
    collection: 'tags',
    where: { name: { equals: name } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  if (docs[0]) return docs[0].id
  const tag = await req.payload.create({ collection: 'tags', data: { name }, depth: 0, overrideAccess: true, req })
  return tag.id
}
