/**
 * Study-group roster rules: what each member's week counts as, and the totals operators act on
 * (passes, fines, attendance, who is at risk). Pure and linear in members × sessions.
 */
export const SUBMISSION_STATUSES = [
  'on-time',
  'late',
  'missing',
  'pass-used',
  'excused',
  'pending',
  'in-review',
] as const
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number]
export type AttendanceStatus = 'present' | 'late' | 'absent' | 'excused'
export type RosterRules = { passesPerMember: number; finePerMiss: number; atRiskMisses: number }
export type SessionInput = {
  id: string | number
  number: number
  /** null: nothing to submit that week. */
  deadline: Date | null
  /** membership id → attendance */
  attendance: Map<string, AttendanceStatus>
}
/** An operator's decision on a submission from a feed: only one seen after its deadline waits for one. */
export const SUBMISSION_REVIEWS = ['needs-decision', 'accepted', 'rejected'] as const
export type SubmissionReview = (typeof SUBMISSION_REVIEWS)[number]
export type SubmissionInput = {
  membershipId: string
  sessionId: string | number
  submittedAt: Date
  id: string | number
  review?: SubmissionReview | null
}
export type CellStatus = {
  sessionId: string | number
  submission: SubmissionStatus
  submissionId: string | number | null
  attendance: AttendanceStatus | null
}
export type MembershipSummary = {
  membershipId: string
  cells: CellStatus[]
  counts: Record<SubmissionStatus, number>
  passesLeft: number
  finesOwed: number
  attendanceRate: number | null
  atRisk: boolean
}
export type WeekReport = {
  sessionId: string | number
  number: number
  submissionRate: number | null
  attendanceRate: number | null
  /** Members who handed in something for the week (on time, late, or awaiting a decision), counted as they do. */
  submitted: number
  /** Members the week is for: all but those excused. */
  expected: number
}

const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000)
// Rules come from editable documents; a blank or negative number must not hand out passes or credit fines.
const atLeastZero = (value: number) => (Number.isFinite(value) ? Math.max(0, value) : 0)
const emptyCounts = () =>
  Object.fromEntries(SUBMISSION_STATUSES.map((status) => [status, 0])) as Record<SubmissionStatus, number>
// Deadlines are set to the second (23:59:59) and members see submission times to the second, so a
// submission stamped 23:59:59.400 is on time rather than late by a fraction nobody can see.
const wholeSeconds = (date: Date) => Math.floor(date.getTime() / 1000)
const byNumber = (sessions: SessionInput[]) => [...sessions].sort((a, b) => a.number - b.number)
// Ids arrive as numbers from SQLite and strings from MongoDB or forms; compare them as strings.
const key = (id: string | number) => String(id)

/** Tallies attendance the same way for a member's weeks and for a week's members. */
class AttendanceTally {
  attended = 0
  recorded = 0
  add(attendance: AttendanceStatus | null) {
    // Excused weeks leave the denominator, so an excused absence does not lower anyone's rate.
    if (!attendance || attendance === 'excused') return
    this.recorded += 1
    if (attendance === 'present' || attendance === 'late') this.attended += 1
  }
  get rate() {
    return rate(this.attended, this.recorded)
  }
}

/**
 * One member's weeks, in session order: excused when their attendance says so; in review while a
 * submission waits for an operator's decision; on time or late against the deadline; pending while the deadline is ahead or when nothing is due; otherwise a
 * pass is spent, earliest misses first, and once passes run out the week is missing (and fined).
 */
export function summariseMembership(
  membershipId: string,
  sessions: SessionInput[],
  submissions: SubmissionInput[],
  rules: RosterRules,
  now: Date,
): MembershipSummary {
  // A resubmission must not turn an on-time week late, so the earliest submission counts.
  const submissionBySession = new Map<string, SubmissionInput>()
  for (const submission of submissions) {
    // A rejected submission is as if there were none.
    if (submission.membershipId !== membershipId || submission.review === 'rejected') continue
    const earlier = submissionBySession.get(key(submission.sessionId))
    if (!earlier || submission.submittedAt.getTime() < earlier.submittedAt.getTime())
      submissionBySession.set(key(submission.sessionId), submission)
  }

  const counts = emptyCounts()
  const attendanceTally = new AttendanceTally()
  let passesLeft = Math.floor(atLeastZero(rules.passesPerMember))
  const cells = byNumber(sessions).map((session): CellStatus => {
    const attendance = session.attendance.get(membershipId) ?? null
    const submission = submissionBySession.get(key(session.id))
    const deadline = session.deadline
    let status: SubmissionStatus
    if (attendance === 'excused') status = 'excused'
    else if (submission?.review === 'needs-decision') status = 'in-review'
    else if (submission)
      status = !deadline || wholeSeconds(submission.submittedAt) <= wholeSeconds(deadline) ? 'on-time' : 'late'
    else if (!deadline || deadline.getTime() > now.getTime()) status = 'pending'
    else if (passesLeft > 0) {
      passesLeft -= 1
      status = 'pass-used'
    } else status = 'missing'
    counts[status] += 1
    attendanceTally.add(attendance)
    return { sessionId: session.id, submission: status, submissionId: submission?.id ?? null, attendance }
  })

  return {
    membershipId,
    cells,
    counts,
    passesLeft,
    finesOwed: counts.missing * atLeastZero(rules.finePerMiss),
    attendanceRate: attendanceTally.rate,
    atRisk: rules.atRiskMisses > 0 && counts.missing >= rules.atRiskMisses,
  }
}

/**
 * Per week, in session order: the share of members who submitted, among those the week was due
 * for (not excused, not pending, not awaiting a decision), and the share who attended, among those
 * whose attendance was recorded. The submission rate stays null until the deadline has passed, and for weeks without a
 * deadline, so early submitters do not show a week as complete. `now` should be the instant the
 * summaries were computed at.
 */
export function weeklyReport(
  sessions: SessionInput[],
  summaries: MembershipSummary[],
  now: Date = new Date(),
): WeekReport[] {
  const ordered = byNumber(sessions)
  const positionById = new Map(ordered.map((session, position) => [key(session.id), position]))
  const weeks = ordered.map(() => ({
    submitted: 0,
    due: 0,
    handedIn: 0,
    expected: 0,
    attendance: new AttendanceTally(),
  }))

  for (const summary of summaries) {
    for (const cell of summary.cells) {
      const position = positionById.get(key(cell.sessionId))
      if (position === undefined) continue
      const week = weeks[position]
      if (cell.submission !== 'excused') week.expected += 1
      if (cell.submission === 'on-time' || cell.submission === 'late' || cell.submission === 'in-review')
        week.handedIn += 1
      if (cell.submission !== 'excused' && cell.submission !== 'pending' && cell.submission !== 'in-review') {
        week.due += 1
        if (cell.submission === 'on-time' || cell.submission === 'late') week.submitted += 1
      }
      week.attendance.add(cell.attendance)
    }
  }

  return ordered.map((session, position) => {
    const week = weeks[position]
    const deadlinePassed = session.deadline !== null && session.deadline.getTime() <= now.getTime()
    return {
      sessionId: session.id,
      number: session.number,
      submissionRate: deadlinePassed ? rate(week.submitted, week.due) : null,
      attendanceRate: week.attendance.rate,
      submitted: week.handedIn,
      expected: week.expected,
    }
  })
}

/**
 * The session a cohort is in at `now`: the first whose deadline (else its day) has not passed,
 * or null once all have. The board's filters and the dashboard agree on it through this.
 */
export function currentSession<Session extends { date: string; deadline: string | null }>(
  sessions: Session[],
  now: Date,
): Session | null {
  return sessions.find((session) => new Date(session.deadline ?? session.date).getTime() >= now.getTime()) ?? null
}

/** Applicants and drop-outs are on the board but owe nothing and count in no rate. */
export const takesPart = (membershipStatus: string) => membershipStatus !== 'applied' && membershipStatus !== 'dropped'

/**
 * The session a post published at `at` counts for: each session with a deadline owns the time
 * after the previous deadline up to its own; the first owns as long a stretch before its deadline
 * as lies between the first two deadlines (a week when it is the only one). Null outside them all.
 */
export function sessionForPostAt<Session extends { deadline: Date | null }>(
  sessions: Session[],
  at: Date,
): Session | null {
  const due = sessions
    .filter((session): session is Session & { deadline: Date } => session.deadline !== null)
    .sort((a, b) => a.deadline.getTime() - b.deadline.getTime())
  if (!due.length) return null
  const firstStretch = due.length > 1 ? due[1].deadline.getTime() - due[0].deadline.getTime() : 7 * 86_400_000
  if (wholeSeconds(at) <= Math.floor((due[0].deadline.getTime() - firstStretch) / 1000)) return null
  return due.find((session) => wholeSeconds(at) <= wholeSeconds(session.deadline)) ?? null
}
