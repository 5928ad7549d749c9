import {
  summariseMembership,
  weeklyReport,
  type AttendanceStatus,
  type SessionInput,
  type SubmissionInput,
} from '../../src/lib/rosterRules'

const rules = { passesPerMember: 1, finePerMiss: 5000, atRiskMisses: 2 }
const session = (
  number: number,
  deadline: string | null,
  attendance: [string, AttendanceStatus][] = [],
): SessionInput => ({
  id: `s${number}`,
  number,
  deadline: deadline ? new Date(deadline) : null,
  attendance: new Map(attendance),
})
const submission = (membershipId: string, sessionNumber: number, submittedAt: string): SubmissionInput => ({
  id: `${membershipId}-${sessionNumber}`,
  membershipId,
  sessionId: `s${sessionNumber}`,
  submittedAt: new Date(submittedAt),
})

// Deadlines: Sundays 23:59:59 in Seoul.
const sessions = [
  session(1, '2026-03-01T14:59:59.000Z', [
    ['a', 'present'],
    ['b', 'late'],
  ]),
  session(2, '2026-03-08T14:59:59.000Z', [
    ['a', 'absent'],
    ['b', 'excused'],
  ]),
  session(3, '2026-03-15T14:59:59.000Z'),
  session(4, '2026-03-22T14:59:59.000Z'),
  session(5, null),
]
const now = new Date('2026-03-20T00:00:00.000Z')

describe('summariseMembership', () => {
  it('is on time at 23:59:59 Seoul and late at 00:00:00', () => {
    const onTime = summariseMembership('a', [sessions[0]], [submission('a', 1, '2026-03-01T14:59:59.000Z')], rules, now)
    const late = summariseMembership('a', [sessions[0]], [submission('a', 1, '2026-03-01T15:00:00.000Z')], rules, now)
    expect(onTime.cells[0].submission).toBe('on-time')
    expect(late.cells[0].submission).toBe('late')
  })

  it('spends passes on the earliest misses, then counts misses and fines', () => {
    const summary = summariseMembership('c', sessions, [], rules, now)
    expect(summary.cells.map((cell) => cell.submission)).toEqual([
      'pass-used',
      'missing',
      'missing',
      'pending',
      'pending',
    ])
    expect(summary).toMatchObject({ passesLeft: 0, finesOwed: 10000, atRisk: true })
    expect(summary.counts).toEqual({ 'on-time': 0, late: 0, missing: 2, 'pass-used': 1, excused: 0, pending: 2 })
  })

  it('excuses a week whose attendance is excused, and rates attendance over recorded weeks', () => {
    const summary = summariseMembership('b', sessions, [submission('b', 1, '2026-03-01T10:00:00.000Z')], rules, now)
    expect(summary.cells.map((cell) => cell.submission)).toEqual([
      'on-time',
      'excused',
      'pass-used',
      'pending',
      'pending',
    ])
    expect(summary.attendanceRate).toBe(1)
    const a = summariseMembership('a', sessions, [], rules, now)
    expect(a.attendanceRate).toBe(0.5)
    expect(summariseMembership('z', [sessions[2]], [], rules, now).attendanceRate).toBeNull()
  })

  it('is never at risk when the threshold is 0, and has no passes when none are given', () => {
    const summary = summariseMembership(
      'c',
      sessions,
      [],
      { passesPerMember: 0, finePerMiss: 1000, atRiskMisses: 0 },
      now,
    )
    expect(summary).toMatchObject({ passesLeft: 0, finesOwed: 3000, atRisk: false })
  })
})

describe('weeklyReport', () => {
  it('rates submissions among members who were due, and attendance among those recorded', () => {
    const summaries = ['a', 'b', 'c'].map((id) =>
      summariseMembership(
        id,
        sessions,
        id === 'c'
          ? []
          : [submission(id, 1, '2026-03-01T10:00:00.000Z'), submission(id, 3, '2026-03-16T10:00:00.000Z')],
        rules,
        now,
      ),
    )
    const report = weeklyReport(sessions, summaries)
    expect(report.map((week) => week.submissionRate)).toEqual([0.667, 0, 0.667, null, null])
    expect(report[0].attendanceRate).toBe(1)
    expect(report[1].attendanceRate).toBe(0)
    expect(report[2].attendanceRate).toBeNull()
  })
})
