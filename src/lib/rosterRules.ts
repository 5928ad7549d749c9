/**
 * Study-group roster rules: what each member's week counts as, and the totals operators act on
 * (passes, fines, attendance, who is at risk). Pure and linear in members × sessions.
 */
export type SubmissionStatus = 'on-time' | 'late' | 'missing' | 'pass-used' | 'excused' | 'pending'
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
export type SubmissionInput = {
  membershipId: string
  sessionId: string | number
  submittedAt: Date
  id: string | number
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
}

const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000)
const emptyCounts = (): Record<SubmissionStatus, number> => ({
  'on-time': 0,
  late: 0,
  missing: 0,
  'pass-used': 0,
  excused: 0,
  pending: 0,
})
const byNumber = (sessions: SessionInput[]) => [...sessions].sort((a, b) => a.number - b.number)

/**
 * One member's weeks, in session order: excused when their attendance says so; on time or late
 * against the deadline; pending while the deadline is ahead; otherwise a pass is spent, earliest
 * misses first, and once passes run out the week is missing (and fined).
 */
export function summariseMembership(
  membershipId: string,
  sessions: SessionInput[],
  submissions: SubmissionInput[],
  rules: RosterRules,
  now: Date,
): MembershipSummary {
  const submissionBySession = new Map(submissions.map((submission) => [String(submission.sessionId), submission]))
  const counts = emptyCounts()
  let passesLeft = Math.max(0, rules.passesPerMember)
  let attended = 0
  let recorded = 0
  const cells = byNumber(sessions).map((session): CellStatus => {
    const attendance = session.attendance.get(membershipId) ?? null
    const submission = submissionBySession.get(String(session.id))
    let status: SubmissionStatus
    if (attendance === 'excused') status = 'excused'
    else if (submission && session.deadline)
      status = submission.submittedAt.getTime() <= session.deadline.getTime() ? 'on-time' : 'late'
    else if (submission) status = 'on-time'
    else if (!session.deadline || session.deadline.getTime() > now.getTime()) status = 'pending'
    else if (passesLeft > 0) {
      passesLeft -= 1
      status = 'pass-used'
    } else status = 'missing'
    counts[status] += 1
    if (attendance && attendance !== 'excused') {
      recorded += 1
      if (attendance === 'present' || attendance === 'late') attended += 1
    }
    return { sessionId: session.id, submission: status, submissionId: submission?.id ?? null, attendance }
  })
  return {
    membershipId,
    cells,
    counts,
    passesLeft,
    finesOwed: counts.missing * Math.max(0, rules.finePerMiss),
    attendanceRate: rate(attended, recorded),
    atRisk: rules.atRiskMisses > 0 && counts.missing >= rules.atRiskMisses,
  }
}

/** Per week: the share of members who submitted (of those due and not excused), and attendance. */
export function weeklyReport(sessions: SessionInput[], summaries: MembershipSummary[]): WeekReport[] {
  return byNumber(sessions).map((session) => {
    let submitted = 0
    let due = 0
    let attended = 0
    let recorded = 0
    for (const summary of summaries) {
      const cell = summary.cells.find((candidate) => String(candidate.sessionId) === String(session.id))
      if (!cell) continue
      if (cell.submission !== 'excused' && cell.submission !== 'pending') {
        due += 1
        if (cell.submission === 'on-time' || cell.submission === 'late') submitted += 1
      }
      if (cell.attendance && cell.attendance !== 'excused') {
        recorded += 1
        if (cell.attendance === 'present' || cell.attendance === 'late') attended += 1
      }
    }
    return {
      sessionId: session.id,
      number: session.number,
      submissionRate: rate(submitted, due),
      attendanceRate: rate(attended, recorded),
    }
  })
}
