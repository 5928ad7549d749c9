import icalGenerator, { escape as icalText } from 'ical-generator'
import { DateTime } from 'luxon'
import type { PayloadRequest } from 'payload'

import { csvDocument } from '../../shared/lib/csv'
import type { Id } from '../../shared/documents'
import { idOf } from '../../shared/lib/ids'
import { buildBoard, loadCohortForRoster } from './board'

/** The cohort's roster with contact details: an operator's export. */
export async function rosterCsv(req: PayloadRequest, cohortId: Id): Promise<string> {
  const { cohort } = await loadCohortForRoster(req, cohortId)
  const common = { depth: 0, pagination: false, overrideAccess: true, req } as const
  const memberships = await req.payload.find({
    collection: 'memberships',
    where: { cohort: { equals: cohort.id } },
    ...common,
  })
  const memberIds = memberships.docs.map((membership) => idOf(membership.member)!)
  const members = memberIds.length
    ? await req.payload.find({ collection: 'members', where: { id: { in: memberIds } }, ...common })
    : { docs: [] }
  const byId = new Map(members.docs.map((member) => [String(member.id), member]))
  const rows = memberships.docs
    .map((membership) => ({ membership, member: byId.get(String(idOf(membership.member))) }))
    .sort((a, b) => (a.member?.displayName ?? '').localeCompare(b.member?.displayName ?? '', 'ko'))
    .map(({ membership, member }) => [
      member?.displayName ?? '',
      member?.handle ?? '',
      member?.email ?? '',
      member?.blogUrl ?? '',
      member?.github ?? '',
      membership.role,
      membership.status,
      membership.joinedAt?.slice(0, 10) ?? '',
    ])
  return csvDocument([['name', 'handle', 'email', 'blogUrl', 'github', 'role', 'status', 'joinedAt'], ...rows])
}

/** The status grid (members × weeks) with each member's totals. */
export async function statusCsv(req: PayloadRequest, cohortId: Id): Promise<string> {
  const board = await buildBoard(req, cohortId)
  const header = [
    'name',
    'handle',
    'role',
    'status',
    ...board.sessions.map((session) => `W${session.number}`),
    'onTime',
    'late',
    'missing',
    'passUsed',
    'excused',
    'passesLeft',
    'finesOwed',
    'attendanceRate',
    'atRisk',
  ]
  const rows = board.rows.map((row) => [
    row.member.displayName,
    row.member.handle ?? '',
    row.role,
    row.status,
    ...row.summary.cells.map((cell) => cell.submission),
    row.summary.counts['on-time'],
    row.summary.counts.late,
    row.summary.counts.missing,
    row.summary.counts['pass-used'],
    row.summary.counts.excused,
    row.summary.passesLeft,
    row.summary.finesOwed,
    row.summary.attendanceRate ?? '',
    row.summary.atRisk ? 'yes' : 'no',
  ])
  return csvDocument([header, ...rows])
}

const SESSION_LENGTH_MS = 2 * 60 * 60 * 1000

/**
 * The cohort's sessions as an iCalendar feed, to subscribe to from any calendar app. Session times
 * are instants written in UTC (`Z`), which every calendar app shows in its reader's zone: a
 * session at 20:00 in Seoul shows at 20:00 to a reader in Seoul whatever the server's zone.
 * (ical-generator 10 writes a calendar with a time zone set as local times of the server's own
 * zone, `DTSTAMP` included.) `X-WR-TIMEZONE` names the group's zone for apps that display a
 * subscribed calendar in it; deadlines in descriptions are written in that zone.
 */
export async function sessionsIcs(req: PayloadRequest, cohortId: Id): Promise<string> {
  const { cohort, group } = await loadCohortForRoster(req, cohortId, { requireOperator: false })
  const sessions = await req.payload.find({
    collection: 'study-sessions',
    where: { cohort: { equals: cohort.id } },
    sort: 'number',
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const timeZone = group.rules?.timeZone ?? 'Asia/Seoul'
  const calendar = icalGenerator({
    // The library escapes an event's text but writes the calendar's name as given: a line break
    // in a group's name would start properties of its own.
    name: icalText(`${group.name} ${cohort.label}`, false),
    prodId: { company: 'Devlog', product: 'study-sessions' },
  })
  calendar.x('X-WR-TIMEZONE', timeZone)
  for (const session of sessions.docs) {
    const start = new Date(session.date)
    const deadline = session.deadline
      ? `Submission deadline: ${DateTime.fromISO(session.deadline).setZone(timeZone).toFormat('yyyy-MM-dd HH:mm')} (${timeZone})`
      : ''
    calendar.createEvent({
      id: `devlog-session-${session.id}`,
      start,
      end: new Date(start.getTime() + SESSION_LENGTH_MS),
      summary: `${group.name} ${cohort.label} #${session.number}${session.topic ? `: ${session.topic}` : ''}`,
      location: session.place ?? session.onlineUrl ?? undefined,
      url: session.onlineUrl ?? undefined,
      description: [deadline, session.notes ?? ''].filter(Boolean).join('\n') || undefined,
    })
  }
  return calendar.toString()
}
