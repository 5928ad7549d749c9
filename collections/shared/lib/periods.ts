/**
 * Retrospective periods: a kind, a year and an index within the year, from which the first and
 * last day (inclusive, as YYYY-MM-DD) and a title are derived.
 */
export const PERIOD_KINDS = ['year', 'half', 'quarter', 'month', 'custom'] as const
export type PeriodKind = (typeof PERIOD_KINDS)[number]
export type ContentLanguage = 'ko' | 'en'

export type PeriodInput = {
  kind?: PeriodKind | string | null
  year?: number | null
  index?: number | null
  startDate?: string | null
  endDate?: string | null
}

export type Period = { kind: PeriodKind; year: number; index: number | null; startDate: string; endDate: string }

const INDEX_RANGE: Record<Exclude<PeriodKind, 'year' | 'custom'>, number> = { half: 2, quarter: 4, month: 12 }
const MIN_YEAR = 1900
const MAX_YEAR = 2200

const pad = (value: number) => String(value).padStart(2, '0')
const isoDate = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`
/** Days in a month (1–12), leap years included. */
export const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()

/** Normalises a date or date-time to its calendar day (YYYY-MM-DD), or null when it is not one. */
export function toDay(value: string | null | undefined): string | null {
  if (!value) return null
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value)
  if (!match) return null
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null
  return isoDate(year, month, day)
}

/** The period, or a message naming what is impossible about it. */
export function derivePeriod(input: PeriodInput): Period | { error: string; field: string } {
  const kind = input.kind as PeriodKind
  if (!PERIOD_KINDS.includes(kind))
    return { field: 'kind', error: `Period kind must be one of ${PERIOD_KINDS.join(', ')}.` }

  if (kind === 'custom') {
    const startDate = toDay(input.startDate)
    const endDate = toDay(input.endDate)
    if (!startDate) return { field: 'startDate', error: 'A custom period needs a valid start date (YYYY-MM-DD).' }
    if (!endDate) return { field: 'endDate', error: 'A custom period needs a valid end date (YYYY-MM-DD).' }
    if (endDate < startDate)
      return { field: 'endDate', error: `The end date ${endDate} is before the start date ${startDate}.` }
    return { kind, year: Number(startDate.slice(0, 4)), index: null, startDate, endDate }
  }

  const year = Number(input.year)
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    return { field: 'year', error: `Year must be a whole number from ${MIN_YEAR} to ${MAX_YEAR}.` }
  }
  if (kind === 'year')
    return { kind, year, index: null, startDate: isoDate(year, 1, 1), endDate: isoDate(year, 12, 31) }

  const max = INDEX_RANGE[kind]
  const index = Number(input.index)
  if (!Number.isInteger(index) || index < 1 || index > max) {
    const name = { half: 'Half', quarter: 'Quarter', month: 'Month' }[kind]
    return { field: 'index', error: `${name} must be from 1 to ${max}, got ${input.index ?? 'nothing'}.` }
  }
  const monthsPerPart = 12 / max
  const firstMonth = (index - 1) * monthsPerPart + 1
  const lastMonth = index * monthsPerPart
  return {
    kind,
    year,
    index,
    startDate: isoDate(year, firstMonth, 1),
    endDate: isoDate(year, lastMonth, daysInMonth(year, lastMonth)),
  }
}

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** `2024년 회고`, `2021년 1분기 회고`, `2023년 상반기 회고`, `2025년 3월 회고`, or their English forms. */
export function periodTitle(period: Period, language: ContentLanguage): string {
  const { kind, year, index } = period
  if (language === 'ko') {
    switch (kind) {
      case 'year':
        return `${year}년 회고`
      case 'half':
        return `${year}년 ${index === 1 ? '상반기' : '하반기'} 회고`
      case 'quarter':
        return `${year}년 ${index}분기 회고`
      case 'month':
        return `${year}년 ${index}월 회고`
      default:
        return `${period.startDate.replaceAll('-', '.')}–${period.endDate.replaceAll('-', '.')} 회고`
    }
  }
  switch (kind) {
    case 'year':
      return `${year} Retrospective`
    case 'half':
      return `${year} H${index} Retrospective`
    case 'quarter':
      return `${year} Q${index} Retrospective`
    case 'month':
      return `${MONTHS_EN[index! - 1]} ${year} Retrospective`
    default:
      return `Retrospective ${period.startDate} – ${period.endDate}`
  }
}
