import { DateTime } from 'luxon'

import { derivePeriod, type Period, type PeriodKind } from '../shared/lib/periods'

/** Words that mark a retrospective in a title or a tag (`상반기를 돌아보며`, `2023년을 보내며`). */
export const RETROSPECTIVE_MARKER =
  /회고|retrospective|\bretro\b|year in review|looking back|돌아보(?:며|기|다|는)|보내며/i

const YEAR = /(?<![\d.])((?:19|20)\d{2})(?:\s*년)?(?![\d])/
const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const MONTH_WORD = `(${MONTH_NAMES.join('|')})(?:uary|ruary|ch|il|e|y|ust|t|tember|ober|ember)?\\.?`
// An English month counts only next to a year: "May 2024", "2024 March" ("what may come" is no month).
const MONTH_NAME = new RegExp(`\\b${MONTH_WORD}\\s*,?\\s*(?:19|20)\\d{2}|(?:19|20)\\d{2}\\s+${MONTH_WORD}\\b`)

type KindAndIndex = { kind: Exclude<PeriodKind, 'custom'>; index: number | null }

/** The kind of period a title names, most specific first; `null` when it names none. */
function kindFromTitle(title: string): KindAndIndex | null {
  const text = title.toLowerCase()
  const quarter =
    /(?<!\d)([1-4])\s*\/\s*4\s*분기/.exec(text) ??
    /(?<!\d)([1-4])\s*분기/.exec(text) ??
    /(?<![a-z])q([1-4])(?!\d)/.exec(text) ??
    /(?<!\d)([1-4])q(?![a-z])/.exec(text) ??
    /\b([1-4])(?:st|nd|rd|th)\s+quarter\b/.exec(text) ??
    /\bquarter\s+([1-4])\b/.exec(text)
  if (quarter) return { kind: 'quarter', index: Number(quarter[1]) }

  if (/상반기|first half|1st half|(?<![a-z])h1(?!\d)/.test(text)) return { kind: 'half', index: 1 }
  if (/하반기|second half|2nd half|(?<![a-z])h2(?!\d)/.test(text)) return { kind: 'half', index: 2 }

  const month = /(?<![\d/])(1[0-2]|0?[1-9])\s*월/.exec(text)
  if (month) return { kind: 'month', index: Number(month[1]) }
  const monthName = MONTH_NAME.exec(text)
  if (monthName) return { kind: 'month', index: MONTH_NAMES.indexOf(monthName[1] ?? monthName[2]) + 1 }

  if (YEAR.test(text) || /연간|연말|한\s*해|올해|year in review|yearly|annual/.test(text))
    return { kind: 'year', index: null }
  return null
}

/**
 * The period a retrospective's title names (`2021 1/4분기 회고` → 2021 Q1, `2024 회고` → 2024,
 * `2023 상반기 회고` → 2023 H1, `2025년 3월 회고`, `2022 Q4 Retrospective`). A title without a
 * year takes it from the day it was written (YYYY-MM-DD), the year before when that period had not yet begun
 * (a `하반기 회고` written in January looks back on the previous year). `null` when neither says.
 */
export function periodFromText(title: string, writtenDay?: string | null): Period | null {
  const named = kindFromTitle(title)
  const yearInTitle = YEAR.exec(title)
  if (!yearInTitle && !writtenDay) return null
  const kindAndIndex = named ?? { kind: 'year' as const, index: null }
  const attempt = (year: number) => {
    const period = derivePeriod({ ...kindAndIndex, year })
    return 'error' in period ? null : period
  }
  if (yearInTitle) return attempt(Number(yearInTitle[1]))
  const year = Number(writtenDay!.slice(0, 4))
  const sameYear = attempt(year)
  return sameYear && sameYear.startDate > writtenDay! ? attempt(year - 1) : sameYear
}

/** `2021`, `2021-H1`, `2021-Q3`, `2021-03` or `2021-01-05..2021-02-10`: how export writes a period. */
export function periodKey(period: Period): string {
  switch (period.kind) {
    case 'year':
      return String(period.year)
    case 'half':
      return `${period.year}-H${period.index}`
    case 'quarter':
      return `${period.year}-Q${period.index}`
    case 'month':
      return `${period.year}-${String(period.index).padStart(2, '0')}`
    default:
      return `${period.startDate}..${period.endDate}`
  }
}

/** The period a key written by `periodKey` names, or a message saying what is wrong with it. */
export function parsePeriodKey(key: string): Period | { error: string } {
  const text = key.trim()
  const match = /^(\d{4})$/.exec(text) ?? /^(\d{4})-([HQ])([1-4])$/i.exec(text) ?? /^(\d{4})-(\d{2})$/.exec(text)
  const custom = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text)
  const input = custom
    ? { kind: 'custom', startDate: custom[1], endDate: custom[2] }
    : !match
      ? null
      : match.length === 2
        ? { kind: 'year', year: Number(match[1]) }
        : match.length === 3
          ? { kind: 'month', year: Number(match[1]), index: Number(match[2]) }
          : {
              kind: match[2].toUpperCase() === 'H' ? 'half' : 'quarter',
              year: Number(match[1]),
              index: Number(match[3]),
            }
  if (!input)
    return { error: `"${text}" is not a period: use 2024, 2024-H1, 2024-Q3, 2024-03 or 2024-01-05..2024-02-10.` }
  const period = derivePeriod(input)
  return 'error' in period ? { error: `"${text}": ${period.error}` } : period
}

const DATE_FORMATS = [
  'yyyy/M/d',
  'yyyy.M.d',
  'yyyy. M. d.',
  'yyyy. M. d',
  'yyyy년 M월 d일',
  'MMMM d, yyyy',
  'MMM d, yyyy',
  'MMMM d, yyyy h:mm a',
  'MMM d, yyyy h:mm a',
  'yyyy/M/d H:mm',
  'yyyy-MM-dd HH:mm:ss',
  'yyyy-MM-dd HH:mm',
  'yyyy.MM.dd HH:mm',
  'yyyy년 M월 d일 a h:mm',
]

/**
 * A date as authors and Notion write it (`2021-04-01`, `2021/04/01`, `2021. 4. 1.`,
 * `2021년 4월 1일`, `April 1, 2021 3:00 PM`, ISO date-times), as an ISO date-time; dates without
 * a zone are read in `zone`. `null` when it is none of these.
 */
export function parseLooseDate(value: string, zone = 'Asia/Seoul'): string | null {
  const text = value.trim().replace(/\s+/g, ' ')
  const iso = DateTime.fromISO(text, { zone, setZone: true })
  if (iso.isValid) return iso.toUTC().toISO()
  // Feeds write RFC 2822 dates: `Thu, 01 Apr 2021 09:00:00 +0900`.
  const rfc = DateTime.fromRFC2822(text, { zone, setZone: true })
  if (rfc.isValid) return rfc.toUTC().toISO()
  for (const format of DATE_FORMATS) {
    for (const locale of ['en-US', 'ko-KR']) {
      const parsed = DateTime.fromFormat(text, format, { zone, locale })
      if (parsed.isValid) return parsed.toUTC().toISO()
    }
  }
  return null
}
