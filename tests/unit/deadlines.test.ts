import { DateTime } from 'luxon'

import {
  deadlineBefore,
  isValidTimeZone,
  parseTimeOfDay,
  sessionDates,
  WEEKDAYS,
} from '../../collections/studyGroups/deadlines'

const seoulSunday = { weekday: 'sunday', time: '23:59:59', timeZone: 'Asia/Seoul' } as const
const newYorkSunday = { weekday: 'sunday', time: '23:59:59', timeZone: 'America/New_York' } as const
const iso = (dates: Date[]) => dates.map((date) => date.toISOString())
/** Minutes east of UTC that the zone's clocks showed at that instant. */
const offsetIn = (zone: string, date: Date) => DateTime.fromJSDate(date, { zone }).offset
const wallClockIn = (zone: string, date: Date) => DateTime.fromJSDate(date, { zone }).toFormat('cccc HH:mm:ss')

describe('parseTimeOfDay', () => {
  it.each([
    ['00:00', { hour: 0, minute: 0, second: 0 }],
    ['23:59', { hour: 23, minute: 59, second: 0 }],
    ['07:05:09', { hour: 7, minute: 5, second: 9 }],
    ['23:59:59', { hour: 23, minute: 59, second: 59 }],
  ])('reads %p', (value, time) => {
    expect(parseTimeOfDay(value)).toEqual(time)
  })

  it.each([['25:00'], ['24:00'], ['7:00'], ['12:60'], ['12:00:60'], ['12:00:00:00'], ['noon'], ['']])(
    'refuses %p',
    (value) => {
      expect(parseTimeOfDay(value)).toEqual({ error: `"${value}" is not a time of day like 23:59 or 23:59:59.` })
    },
  )
})

describe('isValidTimeZone', () => {
  it('knows IANA zones and nothing else', () => {
    expect(isValidTimeZone('Asia/Seoul')).toBe(true)
    expect(isValidTimeZone('America/New_York')).toBe(true)
    expect(isValidTimeZone('Mars/Olympus')).toBe(false)
    expect(isValidTimeZone('')).toBe(false)
  })
})

describe('deadlineBefore', () => {
  // 2026-03-02 is a Monday; 20:00 in Seoul (UTC+9, no daylight saving) is 11:00 UTC.
  const mondayEveningSeoul = new Date('2026-03-02T11:00:00.000Z')

  it('finds the Sunday 23:59:59 Seoul just before a Monday 20:00 session', () => {
    const deadline = deadlineBefore(mondayEveningSeoul, seoulSunday)
    expect(deadline.toISOString()).toBe('2026-03-01T14:59:59.000Z')
    expect(wallClockIn('Asia/Seoul', deadline)).toBe('Sunday 23:59:59')
  })

  it('reads the weekday on the group’s clock, not in UTC', () => {
    // Monday 08:00 in Seoul is still Sunday 23:00 in UTC; the deadline is the Seoul Sunday before.
    expect(deadlineBefore(new Date('2026-03-01T23:00:00.000Z'), seoulSunday).toISOString()).toBe(
      '2026-03-01T14:59:59.000Z',
    )
  })

  it('goes back a week when the same day’s deadline is after the session starts', () => {
    // A Sunday 20:00 session is before that Sunday's 23:59:59.
    expect(deadlineBefore(new Date('2026-03-08T11:00:00.000Z'), seoulSunday).toISOString()).toBe(
      '2026-03-01T14:59:59.000Z',
    )
    const earlierThatDay = { weekday: 'monday', time: '18:00', timeZone: 'Asia/Seoul' } as const
    expect(deadlineBefore(mondayEveningSeoul, earlierThatDay).toISOString()).toBe('2026-03-02T09:00:00.000Z')
  })

  it('allows a deadline exactly at the session start, and not one second after', () => {
    const atStart = { weekday: 'monday', time: '20:00', timeZone: 'Asia/Seoul' } as const
    expect(deadlineBefore(mondayEveningSeoul, atStart).getTime()).toBe(mondayEveningSeoul.getTime())
    const secondAfter = { weekday: 'monday', time: '20:00:01', timeZone: 'Asia/Seoul' } as const
    expect(deadlineBefore(mondayEveningSeoul, secondAfter).toISOString()).toBe('2026-02-23T11:00:01.000Z')
  })

  it('keeps the wall-clock deadline across both New York daylight-saving changes of 2026', () => {
    // Clocks go forward on Sunday 2026-03-08 (UTC−5 → UTC−4) and back on Sunday 2026-11-01 (UTC−4 → UTC−5).
    const mondaySessions = [
      '2026-03-03T00:00:00Z',
      '2026-03-09T23:00:00Z',
      '2026-10-26T23:00:00Z',
      '2026-11-03T00:00:00Z',
    ]
    const deadlines = mondaySessions.map((start) => deadlineBefore(new Date(start), newYorkSunday))
    expect(iso(deadlines)).toEqual([
      '2026-03-02T04:59:59.000Z',
      '2026-03-09T03:59:59.000Z',
      '2026-10-26T03:59:59.000Z',
      '2026-11-02T04:59:59.000Z',
    ])
    expect(deadlines.map((deadline) => offsetIn('America/New_York', deadline))).toEqual([-300, -240, -240, -300])
    for (const deadline of deadlines) expect(wallClockIn('America/New_York', deadline)).toBe('Sunday 23:59:59')
  })

  it('resolves wall-clock times that daylight saving skips or repeats the same way every time', () => {
    // 02:30 does not exist on 2026-03-08 in New York: it moves forward by the hour skipped.
    const skipped = { weekday: 'sunday', time: '02:30', timeZone: 'America/New_York' } as const
    expect(deadlineBefore(new Date('2026-03-09T23:00:00Z'), skipped).toISOString()).toBe('2026-03-08T07:30:00.000Z')
    // 01:30 happens twice on 2026-11-01: the first one (still UTC−4) is the deadline.
    const repeated = { weekday: 'sunday', time: '01:30', timeZone: 'America/New_York' } as const
    expect(deadlineBefore(new Date('2026-11-03T00:00:00Z'), repeated).toISOString()).toBe('2026-11-01T05:30:00.000Z')
    expect(deadlineBefore(new Date('2026-11-01T12:00:00Z'), repeated).toISOString()).toBe('2026-11-01T05:30:00.000Z')
  })

  it('refuses an unknown time zone, a bad time, an unknown weekday or an invalid date', () => {
    const start = mondayEveningSeoul
    expect(() => deadlineBefore(start, { ...seoulSunday, timeZone: 'Mars/Olympus' })).toThrow(
      '"Mars/Olympus" is not an IANA time zone such as Asia/Seoul.',
    )
    expect(() => deadlineBefore(start, { ...seoulSunday, time: '24:00' })).toThrow(
      '"24:00" is not a time of day like 23:59 or 23:59:59.',
    )
    expect(() => deadlineBefore(start, { ...seoulSunday, weekday: 'Sunday' as (typeof WEEKDAYS)[number] })).toThrow(
      /"Sunday" is not a weekday/,
    )
    expect(() => deadlineBefore(new Date('not a date'), seoulSunday)).toThrow(/not a valid date/)
  })
})

describe('sessionDates', () => {
  const seoulMondays = { cadence: 'weekly', weekday: 'monday', time: '20:00', timeZone: 'Asia/Seoul' } as const

  it('starts on the first session weekday on or after the start and repeats weekly, the end date included', () => {
    // 2026-03-01 is a Sunday, so the first Monday is the 2nd.
    expect(iso(sessionDates({ ...seoulMondays, start: '2026-03-01', end: '2026-03-23' }))).toEqual([
      '2026-03-02T11:00:00.000Z',
      '2026-03-09T11:00:00.000Z',
      '2026-03-16T11:00:00.000Z',
      '2026-03-23T11:00:00.000Z',
    ])
    expect(sessionDates({ ...seoulMondays, start: '2026-03-02', end: '2026-03-22' })).toHaveLength(3)
  })

  it('starts on the start date itself without a weekday', () => {
    const dates = sessionDates({
      start: '2026-03-04',
      end: '2026-03-18',
      cadence: 'weekly',
      time: '07:30',
      timeZone: 'Asia/Seoul',
    })
    expect(iso(dates)).toEqual(['2026-03-03T22:30:00.000Z', '2026-03-10T22:30:00.000Z', '2026-03-17T22:30:00.000Z'])
    expect(wallClockIn('Asia/Seoul', dates[0])).toBe('Wednesday 07:30:00')
  })

  it('repeats every two weeks', () => {
    expect(iso(sessionDates({ ...seoulMondays, cadence: 'biweekly', start: '2026-03-02', end: '2026-03-31' }))).toEqual(
      ['2026-03-02T11:00:00.000Z', '2026-03-16T11:00:00.000Z', '2026-03-30T11:00:00.000Z'],
    )
  })

  it.each([
    ['2024', '2024-02-29'],
    ['2026', '2026-02-28'],
  ])('repeats monthly on the same day, on the last day of shorter months (%s)', (year, february) => {
    const dates = sessionDates({
      start: `${year}-01-31`,
      end: `${year}-05-31`,
      cadence: 'monthly',
      time: '19:30',
      timeZone: 'Asia/Seoul',
    })
    // 19:30 in Seoul is 10:30 UTC on the same day; March goes back to the 31st after February's clamp.
    expect(iso(dates)).toEqual([
      `${year}-01-31T10:30:00.000Z`,
      `${february}T10:30:00.000Z`,
      `${year}-03-31T10:30:00.000Z`,
      `${year}-04-30T10:30:00.000Z`,
      `${year}-05-31T10:30:00.000Z`,
    ])
  })

  it('anchors monthly sessions on the first session weekday', () => {
    // 2026-01-01 is a Thursday; the first Monday is the 5th, and later months keep the 5th.
    const dates = sessionDates({ ...seoulMondays, cadence: 'monthly', start: '2026-01-01', end: '2026-03-31' })
    expect(iso(dates)).toEqual(['2026-01-05T11:00:00.000Z', '2026-02-05T11:00:00.000Z', '2026-03-05T11:00:00.000Z'])
  })

  it('keeps the wall-clock time across New York daylight saving, weekly and monthly', () => {
    const newYork = { cadence: 'weekly', weekday: 'monday', time: '19:00', timeZone: 'America/New_York' } as const
    const spring = sessionDates({ ...newYork, start: '2026-03-02', end: '2026-03-16' })
    const autumn = sessionDates({ ...newYork, start: '2026-10-26', end: '2026-11-09' })
    expect(iso(spring)).toEqual(['2026-03-03T00:00:00.000Z', '2026-03-09T23:00:00.000Z', '2026-03-16T23:00:00.000Z'])
    expect(iso(autumn)).toEqual(['2026-10-26T23:00:00.000Z', '2026-11-03T00:00:00.000Z', '2026-11-10T00:00:00.000Z'])
    for (const date of [...spring, ...autumn]) expect(wallClockIn('America/New_York', date)).toBe('Monday 19:00:00')

    const monthly = sessionDates({
      start: '2026-02-15',
      end: '2026-04-15',
      cadence: 'monthly',
      time: '09:00',
      timeZone: 'America/New_York',
    })
    expect(iso(monthly)).toEqual(['2026-02-15T14:00:00.000Z', '2026-03-15T13:00:00.000Z', '2026-04-15T13:00:00.000Z'])
  })

  it('gives deadlines whose offset follows the session’s side of each change', () => {
    const sessions = sessionDates({
      start: '2026-03-01',
      end: '2026-11-09',
      cadence: 'weekly',
      weekday: 'monday',
      time: '19:00',
      timeZone: 'America/New_York',
    })
    const offsets = sessions.map((session) => offsetIn('America/New_York', deadlineBefore(session, newYorkSunday)))
    // Mondays Mar 2 to Nov 9: the first deadline (Sun Mar 1) and the last two (Nov 1 and 8) are in winter time.
    expect(sessions).toHaveLength(37)
    expect(offsets).toEqual([-300, ...Array(34).fill(-240), -300, -300])
  })

  it('gives nothing when the end is before the first session', () => {
    expect(sessionDates({ ...seoulMondays, start: '2026-03-03', end: '2026-03-08' })).toEqual([])
    expect(sessionDates({ ...seoulMondays, start: '2026-03-10', end: '2026-03-01' })).toEqual([])
  })

  it('refuses a bad time zone, time, date or cadence', () => {
    const range = { start: '2026-03-01', end: '2026-03-31' }
    expect(() => sessionDates({ ...seoulMondays, ...range, timeZone: 'Seoul' })).toThrow(
      /"Seoul" is not an IANA time zone/,
    )
    expect(() => sessionDates({ ...seoulMondays, ...range, time: '8pm' })).toThrow(/"8pm" is not a time of day/)
    expect(() => sessionDates({ ...seoulMondays, ...range, end: '2026-02-30' })).toThrow(
      'End date "2026-02-30" is not a date like 2026-03-02.',
    )
    expect(() => sessionDates({ ...seoulMondays, ...range, start: 'March' })).toThrow(/Start date "March"/)
    expect(() => sessionDates({ ...seoulMondays, ...range, cadence: 'daily' as 'weekly' })).toThrow(
      /"daily" is not a cadence/,
    )
  })
})
