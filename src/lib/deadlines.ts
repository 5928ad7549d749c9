import { DateTime, IANAZone } from 'luxon'

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const
export type Weekday = (typeof WEEKDAYS)[number]
export type Cadence = 'weekly' | 'biweekly' | 'monthly'

type TimeOfDay = { hour: number; minute: number; second: number }

/** `HH:MM` or `HH:MM:SS`, 24-hour clock. */
export function parseTimeOfDay(value: string): TimeOfDay | { error: string } {
  const match = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim())
  const [hour, minute, second] = match ? [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)] : [NaN, NaN, NaN]
  if (!match || hour > 23 || minute > 59 || second > 59)
    return { error: `"${value}" is not a time of day like 23:59 or 23:59:59.` }
  return { hour, minute, second }
}

export function isValidTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone)
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

const luxonWeekday = (weekday: Weekday) => WEEKDAYS.indexOf(weekday) + 1

/**
 * The latest instant at or before the session's start that falls on `weekday` at `time` on the
 * group's wall clock. Wall-clock times skipped or repeated by a daylight-saving change resolve as
 * luxon does (a skipped time moves forward, a repeated one takes the earlier offset).
 */
export function deadlineBefore(sessionStart: Date, rule: { weekday: Weekday; time: string; timeZone: string }): Date {
  const zone = zoneOrThrow(rule.timeZone)
  const time = timeOrThrow(rule.time)
  const start = DateTime.fromJSDate(sessionStart, { zone })
  const daysBack = (start.weekday - luxonWeekday(rule.weekday) + 7) % 7
  let candidate = start.minus({ days: daysBack }).set({ ...time, millisecond: 0 })
  if (candidate > start) candidate = candidate.minus({ weeks: 1 }).set({ ...time, millisecond: 0 })
  return candidate.toJSDate()
}

/**
 * Session start instants from `start` to `end` (calendar days in the group's zone, inclusive): the
 * first `weekday` on or after `start`, then every week, two weeks, or month (same day of the
 * month, or its last day when shorter). The wall-clock time stays put across daylight saving.
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
  const first = DateTime.fromISO(args.start.slice(0, 10), { zone })
  const last = DateTime.fromISO(args.end.slice(0, 10), { zone }).endOf('day')
  if (!first.isValid || !last.isValid) throw new Error('start and end must be dates like 2026-03-02.')
  const anchor = args.weekday ? first.plus({ days: (luxonWeekday(args.weekday) - first.weekday + 7) % 7 }) : first
  const dates: Date[] = []
  for (let index = 0; ; index++) {
    const day =
      args.cadence === 'monthly'
        ? anchor.plus({ months: index }) // luxon clamps Jan 31 + 1 month to the end of February
        : anchor.plus({ days: index * (args.cadence === 'biweekly' ? 14 : 7) })
    const session = day.set({ ...time, millisecond: 0 })
    if (session > last) break
    dates.push(session.toJSDate())
  }
  return dates
}
