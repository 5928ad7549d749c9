import { deadlineBefore } from '../../collections/studyGroups/deadlines'
import {
  sessionForPostAt,
  summariseMembership,
  weeklyReport,
  type AttendanceStatus,
  type RosterRules,
  type SessionInput,
  type SubmissionInput,
} from '../../collections/studyGroups/rosterRules'

const rules: RosterRules = { passesPerMember: 1, finePerMiss: 5000, atRiskMisses: 2 }
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
  id: `${membershipId}-${sessionNumber}-${submittedAt}`,
  membershipId,
  sessionId: `s${sessionNumber}`,
  submittedAt: new Date(submittedAt),
})
const statuses = (summary: ReturnType<typeof summariseMembership>) => summary.cells.map((cell) => cell.submission)

// Sundays 23:59:59 in Seoul, before Monday sessions; the fifth week has nothing to submit.
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
// Between the third and fourth deadlines.
const now = new Date('2026-03-20T00:00:00.000Z')

describe('summariseMembership', () => {
  describe('against a Sunday 23:59:59 Asia/Seoul deadline', () => {
    const mondaySession = new Date('2026-03-02T20:00:00+09:00')
    const deadline = deadlineBefore(mondaySession, { weekday: 'sunday', time: '23:59:59', timeZone: 'Asia/Seoul' })
    const week: SessionInput = { id: 1, number: 1, deadline, attendance: new Map() }
    const statusAt = (submittedAt: string) =>
      summariseMembership(
        'a',
        [week],
        [{ id: 9, membershipId: 'a', sessionId: 1, submittedAt: new Date(submittedAt) }],
        rules,
        now,
      ).cells[0].submission

    it('is on time at 23:59:59 Seoul, within that second too', () => {
      expect(deadline.toISOString()).toBe('2026-03-01T14:59:59.000Z')
      expect(statusAt('2026-03-01T23:59:59+09:00')).toBe('on-time')
      expect(statusAt('2026-03-01T23:59:59.999+09:00')).toBe('on-time')
      expect(statusAt('2026-03-01T09:00:00+09:00')).toBe('on-time')
    })

    it('is late at 00:00:00 Seoul the next day', () => {
      expect(statusAt('2026-03-02T00:00:00+09:00')).toBe('late')
      expect(statusAt('2026-03-02T19:59:59+09:00')).toBe('late')
    })
  })

  it('spends passes on the earliest misses, in session number order, then counts misses and fines', () => {
    const pastDeadlines = [5, 3, 1, 4, 2].map((number) => session(number, `2026-03-0${number}T00:00:00.000Z`))
    const summary = summariseMembership(
      'c',
      pastDeadlines,
      [submission('c', 2, '2026-03-01T00:00:00.000Z')],
      { passesPerMember: 2, finePerMiss: 5000, atRiskMisses: 3 },
      now,
    )
    expect(summary.cells.map((cell) => cell.sessionId)).toEqual(['s1', 's2', 's3', 's4', 's5'])
    expect(statuses(summary)).toEqual(['pass-used', 'on-time', 'pass-used', 'missing', 'missing'])
    expect(summary.counts).toEqual({
      'on-time': 1,
      late: 0,
      missing: 2,
      'pass-used': 2,
      excused: 0,
      pending: 0,
      'in-review': 0,
    })
    expect(summary).toMatchObject({ passesLeft: 0, finesOwed: 10000, atRisk: false })
  })

  it('keeps unspent passes and owes nothing when no week is missing', () => {
    const summary = summariseMembership('c', sessions, [], { ...rules, passesPerMember: 5 }, now)
    expect(statuses(summary)).toEqual(['pass-used', 'pass-used', 'pass-used', 'pending', 'pending'])
    expect(summary).toMatchObject({ passesLeft: 2, finesOwed: 0, atRisk: false })
  })

  it('marks weeks pending while the deadline is ahead or nothing is due, without spending a pass', () => {
    const summary = summariseMembership('c', sessions, [submission('c', 5, '2026-03-25T00:00:00.000Z')], rules, now)
    expect(statuses(summary)).toEqual(['pass-used', 'missing', 'missing', 'pending', 'on-time'])
    expect(summary.counts).toEqual({
      'on-time': 1,
      late: 0,
      missing: 2,
      'pass-used': 1,
      excused: 0,
      pending: 1,
      'in-review': 0,
    })
    expect(summary).toMatchObject({ passesLeft: 0, finesOwed: 10000, atRisk: true })
    expect(statuses(summariseMembership('c', [session(1, null)], [], rules, now))).toEqual(['pending'])
  })

  it('treats a deadline equal to now as passed', () => {
    const dueNow = session(1, now.toISOString())
    expect(statuses(summariseMembership('c', [dueNow], [], rules, now))).toEqual(['pass-used'])
    expect(statuses(summariseMembership('c', [dueNow], [], rules, new Date(now.getTime() - 1)))).toEqual(['pending'])
  })

  it('excuses a week whose attendance is excused, submitted or not, without spending a pass', () => {
    const excusedWithWork = session(1, '2026-03-01T14:59:59.000Z', [['d', 'excused']])
    const excusedWithout = session(2, '2026-03-08T14:59:59.000Z', [['d', 'excused']])
    const missed = session(3, '2026-03-15T14:59:59.000Z', [['d', 'absent']])
    const summary = summariseMembership(
      'd',
      [excusedWithWork, excusedWithout, missed],
      [submission('d', 1, '2026-03-05T00:00:00.000Z')],
      rules,
      now,
    )
    expect(summary.cells).toEqual([
      { sessionId: 's1', submission: 'excused', submissionId: 'd-1-2026-03-05T00:00:00.000Z', attendance: 'excused' },
      { sessionId: 's2', submission: 'excused', submissionId: null, attendance: 'excused' },
      { sessionId: 's3', submission: 'pass-used', submissionId: null, attendance: 'absent' },
    ])
    expect(summary.counts.excused).toBe(2)
    expect(summary.attendanceRate).toBe(0)
  })

  it('counts the earliest of several submissions and ignores other members’ submissions', () => {
    const summary = summariseMembership(
      'a',
      [sessions[0], sessions[1]],
      [
        submission('a', 1, '2026-03-03T00:00:00.000Z'),
        submission('a', 1, '2026-03-01T10:00:00.000Z'),
        submission('b', 2, '2026-03-05T00:00:00.000Z'),
      ],
      rules,
      now,
    )
    expect(summary.cells[0]).toMatchObject({ submission: 'on-time', submissionId: 'a-1-2026-03-01T10:00:00.000Z' })
    expect(summary.cells[1]).toMatchObject({ submission: 'pass-used', submissionId: null })
  })

  it('matches numeric and string session ids', () => {
    const numbered: SessionInput = {
      id: 7,
      number: 1,
      deadline: new Date('2026-03-01T14:59:59Z'),
      attendance: new Map(),
    }
    const summary = summariseMembership(
      'a',
      [numbered],
      [{ id: 1, membershipId: 'a', sessionId: '7', submittedAt: new Date('2026-03-01T00:00:00Z') }],
      rules,
      now,
    )
    expect(summary.cells[0]).toMatchObject({ sessionId: 7, submission: 'on-time', submissionId: 1 })
  })

  it('is at risk from the threshold on, and never when the threshold is 0 or less', () => {
    const twoMisses = summariseMembership('c', sessions, [], rules, now)
    expect(twoMisses.counts.missing).toBe(2)
    expect(twoMisses.atRisk).toBe(true)
    expect(summariseMembership('c', sessions, [], { ...rules, atRiskMisses: 3 }, now).atRisk).toBe(false)
    const noPasses = { passesPerMember: 0, finePerMiss: 1000, atRiskMisses: 0 }
    expect(summariseMembership('c', sessions, [], noPasses, now)).toMatchObject({
      passesLeft: 0,
      finesOwed: 3000,
      atRisk: false,
    })
    expect(summariseMembership('c', sessions, [], { ...noPasses, atRiskMisses: -1 }, now).atRisk).toBe(false)
  })

  it('neither gives passes nor credits fines for negative or blank rules', () => {
    const broken = { passesPerMember: -2, finePerMiss: Number.NaN, atRiskMisses: 1 }
    expect(summariseMembership('c', sessions, [], broken, now)).toMatchObject({
      passesLeft: 0,
      finesOwed: 0,
      atRisk: true,
    })
  })

  it('rates attendance as present or late over recorded, non-excused weeks', () => {
    const weeks = (['present', 'late', 'absent', 'excused', null] as const).map((attendance, index) =>
      session(index + 1, null, attendance ? [['e', attendance]] : []),
    )
    const summary = summariseMembership('e', weeks, [], rules, now)
    expect(summary.attendanceRate).toBe(0.667)
    expect(summary.cells.map((cell) => cell.attendance)).toEqual(['present', 'late', 'absent', 'excused', null])
    expect(summariseMembership('a', sessions, [], rules, now).attendanceRate).toBe(0.5)
    expect(summariseMembership('b', sessions, [], rules, now).attendanceRate).toBe(1)
    expect(summariseMembership('z', sessions, [], rules, now).attendanceRate).toBeNull()
    expect(summariseMembership('e', [weeks[3]], [], rules, now).attendanceRate).toBeNull()
  })
})

describe('weeklyReport', () => {
  const submissionsOf: Record<string, SubmissionInput[]> = {
    a: [submission('a', 1, '2026-03-01T10:00:00.000Z'), submission('a', 3, '2026-03-15T10:00:00.000Z')],
    b: [submission('b', 1, '2026-03-02T10:00:00.000Z'), submission('b', 3, '2026-03-15T10:00:00.000Z')],
    c: [submission('c', 4, '2026-03-18T00:00:00.000Z')],
  }
  const summaries = ['a', 'b', 'c'].map((id) => summariseMembership(id, sessions, submissionsOf[id], rules, now))

  it('rates submissions among members who were due, once the deadline has passed', () => {
    const report = weeklyReport([...sessions].reverse(), summaries, now)
    expect(report.map((week) => [week.sessionId, week.number])).toEqual([
      ['s1', 1],
      ['s2', 2],
      ['s3', 3],
      ['s4', 4],
      ['s5', 5],
    ])
    // Week 1: a on time, b late, c missed → 2/3. Week 2: b excused, a and c missed → 0/2. Week 3: 2/3.
    // Week 4: c submitted early, but the deadline is ahead. Week 5: nothing is due.
    expect(report.map((week) => week.submissionRate)).toEqual([0.667, 0, 0.667, null, null])
  })

  it('counts who handed in each week, the week under way included, among those it is for', () => {
    const report = weeklyReport(sessions, summaries, now)
    // Week 4 is under way: c has handed in, a and b not yet; week 2 excused b.
    expect(report.map((week) => [week.submitted, week.expected])).toEqual([
      [2, 3],
      [0, 2],
      [2, 3],
      [1, 3],
      [0, 3],
    ])
  })

  it('rates attendance among members whose attendance was recorded and not excused', () => {
    const report = weeklyReport(sessions, summaries, now)
    expect(report.map((week) => week.attendanceRate)).toEqual([1, 0, null, null, null])
  })

  it('gives a week with every member excused no submission rate', () => {
    const allExcused = session(1, '2026-03-01T14:59:59.000Z', [
      ['a', 'excused'],
      ['b', 'excused'],
    ])
    const excusedSummaries = ['a', 'b'].map((id) => summariseMembership(id, [allExcused], [], rules, now))
    expect(weeklyReport([allExcused], excusedSummaries, now)).toEqual([
      { sessionId: 's1', number: 1, submissionRate: null, attendanceRate: null, submitted: 0, expected: 0 },
    ])
  })

  it('reports every week of a cohort with no members, and ignores cells of unknown sessions', () => {
    expect(weeklyReport(sessions, [], now).every((week) => week.submissionRate === null)).toBe(true)
    const report = weeklyReport([sessions[0]], summaries, now)
    expect(report).toEqual([
      { sessionId: 's1', number: 1, submissionRate: 0.667, attendanceRate: 1, submitted: 2, expected: 3 },
    ])
  })
})

describe('decisions on submissions from feeds', () => {
  const reviewed = (review: SubmissionInput['review']) => ({ ...submission('a', 3, '2026-03-14T10:00:00Z'), review })

  it('a post awaiting a decision is neither counted nor missed, and spends no pass', () => {
    const summary = summariseMembership('a', sessions, [reviewed('needs-decision')], rules, now)
    expect(statuses(summary)).toEqual(['pass-used', 'missing', 'in-review', 'pending', 'pending'])
    expect(summary.passesLeft).toBe(0)
    expect(summary.counts['in-review']).toBe(1)
    // Not in the week's rate either way until decided.
    const week3 = weeklyReport(sessions, [summary], now)[2]
    expect(week3.submissionRate).toBeNull()
  })

  it('an accepted post counts by its date; a rejected one is as if there were none', () => {
    expect(statuses(summariseMembership('a', sessions, [reviewed('accepted')], rules, now))[2]).toBe('on-time')
    expect(statuses(summariseMembership('a', sessions, [reviewed('rejected')], rules, now))[2]).toBe('missing')
  })
})

describe('sessionForPostAt', () => {
  const weeks = sessions.map((each) => ({ id: each.id, deadline: each.deadline }))
  const weekOf = (at: string) => sessionForPostAt(weeks, new Date(at))?.id ?? null

  it('gives each post to the week whose deadline is the next one, in whole seconds', () => {
    expect(weekOf('2026-03-01T23:59:59.900+09:00')).toBe('s1')
    expect(weekOf('2026-03-02T00:00:00+09:00')).toBe('s2')
    expect(weekOf('2026-03-15T23:59:59+09:00')).toBe('s3')
    expect(weekOf('2026-03-16T00:00:00+09:00')).toBe('s4')
  })

  it('the first week reaches back as far as the weeks are apart; nothing before it or after the last deadline', () => {
    expect(weekOf('2026-02-23T00:00:00+09:00')).toBe('s1')
    expect(weekOf('2026-02-22T23:59:59+09:00')).toBeNull()
    expect(weekOf('2026-03-23T00:00:00+09:00')).toBeNull()
    expect(
      sessionForPostAt([{ id: 'only', deadline: new Date('2026-03-08T14:59:59Z') }], new Date('2026-03-02T00:00:00Z'))
        ?.id,
    ).toBe('only')
    expect(sessionForPostAt([{ id: 'none', deadline: null }], new Date('2026-03-02T00:00:00Z'))).toBeNull()
  })
})
