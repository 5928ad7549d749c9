import { deadlineBefore, isValidTimeZone, parseTimeOfDay, sessionDates } from '../../src/lib/deadlines'

const seoulSunday = { weekday: 'sunday', time: '23:59:59', timeZone: 'Asia/Seoul' } as const

describe('parseTimeOfDay', () => {
  it('reads HH:MM and HH:MM:SS', () => {
    expect(parseTimeOfDay('23:59')).toEqual({ hour: 23, minute: 59, second: 0 })
    expect(parseTimeOfDay('07:05:09')).toEqual({ hour: 7, minute: 5, second: 9 })
  })

  it.each([['25:00'], ['7:00'], ['12:60'], ['noon']])('refuses %p', (value) => {
    expect(parseTimeOfDay(value)).toEqual({ error: `"${value}" is not a time of day like 23:59 or 23:59:59.` })
  })
})

describe('deadlineBefore', () => {
  it('finds the Sunday 23:59:59 Seoul before a Monday 20:00 session', () => {
    expect(deadlineBefore(new Date('2026-03-02T11:00:00.000Z'), seoulSunday).toISOString()).toBe(
      '2026-03-01T14:59:59.000Z',
    )
  })

  it('takes the same day when the deadline is earlier that day, and the session start itself when equal', () => {
    const rule = { weekday: 'monday', time: '18:00', timeZone: 'Asia/Seoul' } as const
    expect(deadlineBefore(new Date('2026-03-02T11:00:00.000Z'), rule).toISOString()).toBe('2026-03-02T09:00:00.000Z')
    const atStart = { weekday: 'monday', time: '20:00', timeZone: 'Asia/Seoul' } as const
    expect(deadlineBefore(new Date('2026-03-02T11:00:00.000Z'), atStart).toISOString()).toBe('2026-03-02T11:00:00.000Z')
    const justAfter = { weekday: 'monday', time: '20:00:01', timeZone: 'Asia/Seoul' } as const
    expect(deadlineBefore(new Date('2026-03-02T11:00:00.000Z'), justAfter).toISOString()).toBe(
      '2026-02-23T11:00:01.000Z',
    )
  })

  it('keeps the wall-clock deadline across daylight saving in New York', () => {
    const rule = { weekday: 'sunday', time: '23:59:59', timeZone: 'America/New_York' } as const
    // Before 2026-03-08 New York is UTC−5, after it UTC−4; back to UTC−5 on 2026-11-01.
    expect(deadlineBefore(new Date('2026-03-02T12:00:00.000Z'), rule).toISOString()).toBe('2026-03-02T04:59:59.000Z')
    expect(deadlineBefore(new Date('2026-03-09T12:00:00.000Z'), rule).toISOString()).toBe('2026-03-09T03:59:59.000Z')
    expect(deadlineBefore(new Date('2026-11-02T12:00:00.000Z'), rule).toISOString()).toBe('2026-11-02T04:59:59.000Z')
  })

  it('refuses an unknown time zone or a bad time', () => {
    expect(() => deadlineBefore(new Date(), { ...seoulSunday, timeZone: 'Mars/Olympus' })).toThrow(/IANA time zone/)
    expect(() => deadlineBefore(new Date(), { ...seoulSunday, time: '24:00' })).toThrow(/time of day/)
    expect(isValidTimeZone('Asia/Seoul')).toBe(true)
  })
})

describe('sessionDates', () => {
  it('starts on the first session weekday and repeats weekly, up to the end date', () => {
    const dates = sessionDates({
      start: '2026-03-01',
      end: '2026-03-23',
      cadence: 'weekly',
      weekday: 'monday',
      time: '20:00',
      timeZone: 'Asia/Seoul',
    })
    expect(dates.map((date) => date.toISOString())).toEqual([
      '2026-03-02T11:00:00.000Z',
      '2026-03-09T11:00:00.000Z',
      '2026-03-16T11:00:00.000Z',
      '2026-03-23T11:00:00.000Z',
    ])
  })

  it('repeats every two weeks', () => {
    const dates = sessionDates({
      start: '2026-03-02',
      end: '2026-03-31',
      cadence: 'biweekly',
      weekday: 'monday',
      time: '20:00',
      timeZone: 'Asia/Seoul',
    })
    expect(dates).toHaveLength(3)
  })

  it('repeats monthly on the same day, clamped to short months', () => {
    const dates = sessionDates({
      start: '2024-01-31',
      end: '2024-04-30',
      cadence: 'monthly',
      time: '19:30',
      timeZone: 'Asia/Seoul',
    })
    expect(dates.map((date) => date.toISOString().slice(0, 10))).toEqual([
      '2024-01-31',
      '2024-02-29',
      '2024-03-31',
      '2024-04-30',
    ])
  })

  it('keeps the wall-clock time across daylight saving', () => {
    const dates = sessionDates({
      start: '2026-03-02',
      end: '2026-03-16',
      cadence: 'weekly',
      weekday: 'monday',
      time: '19:00',
      timeZone: 'America/New_York',
    })
    expect(dates.map((date) => date.toISOString())).toEqual([
      '2026-03-03T00:00:00.000Z',
      '2026-03-09T23:00:00.000Z',
      '2026-03-16T23:00:00.000Z',
    ])
  })
})
