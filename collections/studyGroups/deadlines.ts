/**
 * Study-group calendars: session start instants from a cadence, and the submission deadline
 * before each session, both on the group's wall clock in an IANA time zone so that daylight
 * saving never moves a session or a deadline by an hour.
 */
import { DateTime, IANAZone } from 'luxon'

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const
export type Weekday = (typeof WEEKDAYS)[number]
export const CADENCES = ['weekly', 'biweekly', 'monthly'] as const
export type Cadence = (typeof CADENCES)[number]
export type TimeOfDay = { hour: number; minute: number; second: number }
export type DeadlineRule = { weekday: Weekday; time: string; timeZone: string }

/** `HH:MM` or `HH:MM:SS`, 24-hour clock with two-digit fields. */
export function parseTimeOfDay(value: string): TimeOfDay | { error: string } {
  const match = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(String(value).trim())
  const [hour, minute, second] = match ? [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)] : [NaN, NaN, NaN]
  if (!match || hour > 23 || minute > 59 || second > 59)
    return { error: `"${value}" is not a time of day like 23:59 or 23:59:59.` }
  return { hour, minute, second }
}

export function isValidTimeZone(zone: string): boolean {
  return typeof zone === 'string' && IANAZone.isValidZone(zone)
}

function timeOrThrow(time: string): TimeOfDay {
  const parsed = parseTimeOfDay(time)
  if ('error' in parsed) throw new Error(parsed.error)
  return parsed
}

function zoneOrThrow(timeZone: string): string {
  if (!isValidTimeZone(timeZone)) throw new Error(`"${timeZone}" is not an IANA time zone such as Asia/Seoul.`)
  return timeZone
}

// Callers pass weekdays read from stored documents, so a typo must fail loudly rather than index as -1.
function luxonWeekdayOrThrow(weekday: Weekday): number {
  const index = WEEKDAYS.indexOf(weekday)
  if (index < 0) throw new Error(`"${weekday}" is not a weekday; use one of ${WEEKDAYS.join(', ')}.`)
  return index + 1
}

// Calendar days are held in UTC, which has no daylight saving, so adding days or months never
// shifts the date; the group's zone only comes in when a wall-clock time is put on the day.
function calendarDayOrThrow(value: string, name: string): DateTime {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(value))
  const day = match
    ? DateTime.fromObject({ year: +match[1], month: +match[2], day: +match[3] }, { zone: 'utc' })
    : DateTime.invalid('not a date')
  if (!day.isValid) throw new Error(`${name} "${value}" is not a date like 2026-03-02.`)
  return day
}

/**
 * The instant the zone's clock reads `time` on `day`. A time skipped when clocks go forward moves
 * forward by the gap (02:30 becomes 03:30), as luxon does. A time that happens twice when clocks go
 * back takes its first occurrence: luxon alone would pick one from an offset guessed from the
 * current date, so the same rule could land an hour apart depending on when it ran.
 */
function atWallClock(day: DateTime, time: TimeOfDay, zone: string): DateTime {
  const local = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, ...time }, { zone })
  return local.getPossibleOffsets().reduce((first, candidate) => (candidate < first ? candidate : first), local)
}

/**
 * The latest instant at or before the session's start that falls on `weekday` at `time` on the
 * group's wall clock (see `atWallClock` for times that daylight saving skips or repeats). A
 * deadline at exactly the session's start is allowed.
 */
export function deadlineBefore(sessionStart: Date, rule: DeadlineRule): Date {
  const zone = zoneOrThrow(rule.timeZone)
  const time = timeOrThrow(rule.time)
  const weekday = luxonWeekdayOrThrow(rule.weekday)
  const start = DateTime.fromJSDate(sessionStart, { zone })
  if (!start.isValid) throw new Error('The session start is not a valid date.')
  const startDay = DateTime.fromObject({ year: start.year, month: start.month, day: start.day }, { zone: 'utc' })
  const daysBack = (start.weekday - weekday + 7) % 7
  const sameWeek = atWallClock(startDay.minus({ days: daysBack }), time, zone)
  const deadline = sameWeek <= start ? sameWeek : atWallClock(startDay.minus({ days: daysBack + 7 }), time, zone)
  return deadline.toJSDate()
}

/**
 * Session start instants from `start` to `end` (calendar days in the group's zone, both included):
 * the first `weekday` on or after `start` (or `start` itself without one), then every week, two
 * weeks, or month. Monthly sessions keep the first session's day of the month, on the month's last
 * day when it is shorter (Jan 31 → Feb 28/29 → Mar 31). The wall-clock time stays put across
 * daylight saving. An `end` before the first session gives no sessions.
 */
export function sessionDates(args: {
  start: string
  end: string
  cadence: Cadence
  weekday?: Weekday
  time: string
  timeZone: string
}): Date[] {
  const zone = zoneOrThrow(args.timeZone)
  const time = timeOrThrow(args.time)
  if (!CADENCES.includes(args.cadence))
    throw new Error(`"${args.cadence}" is not a cadence; use one of ${CADENCES.join(', ')}.`)
  const firstDay = calendarDayOrThrow(args.start, 'Start date')
  const lastDay = calendarDayOrThrow(args.end, 'End date')
  const anchor = args.weekday
    ? firstDay.plus({ days: (luxonWeekdayOrThrow(args.weekday) - firstDay.weekday + 7) % 7 })
    : firstDay
  const dates: Date[] = []
  for (let index = 0; ; index++) {
    // Step from the anchor, not from the previous session, so that one clamped month (Feb 28)
    // does not pull every later month to the 28th; luxon clamps a day past the month's end.
    const day =
      args.cadence === 'monthly'
        ? anchor.plus({ months: index })
        : anchor.plus({ days: index * (args.cadence === 'biweekly' ? 14 : 7) })
    if (day > lastDay) break
    dates.push(atWallClock(day, time, zone).toJSDate())
  }
  return dates
}
