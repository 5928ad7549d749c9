import {
  parseLooseDate,
  parsePeriodKey,
  periodFromText,
  periodKey,
  RETROSPECTIVE_MARKER,
} from '../../collections/transfer/periodFromText'

const short = (period: ReturnType<typeof periodFromText>) =>
  period && `${period.kind} ${period.year}${period.index ? ` ${period.index}` : ''}`

describe('periodFromText', () => {
  it.each([
    ['2021 1/4분기 회고', 'quarter 2021 1'],
    ['2021년 3/4 분기 회고', 'quarter 2021 3'],
    ['2022년 4분기 회고', 'quarter 2022 4'],
    ['2022 Q2 Retrospective', 'quarter 2022 2'],
    ['2022Q3 retro', 'quarter 2022 3'],
    ['2020 4Q 회고', 'quarter 2020 4'],
    ['2023 상반기 회고', 'half 2023 1'],
    ['2023년 하반기를 돌아보며 (회고)', 'half 2023 2'],
    ['2019 H2 retrospective', 'half 2019 2'],
    ['2025년 3월 회고', 'month 2025 3'],
    ['2025년 12월 회고', 'month 2025 12'],
    ['March 2024 retrospective', 'month 2024 3'],
    ['Retrospective, 2024 Sept.', 'month 2024 9'],
    ['2024 회고', 'year 2024'],
    ['2024년 회고', 'year 2024'],
    ['Year in review 2018', 'year 2018'],
  ])('%s → %s', (title, expected) => {
    expect(short(periodFromText(title))).toBe(expected)
  })

  it.each([
    // Titles as people write them, with the day they were written where the title has no year.
    ['2021 1/4분기 회고', null, 'quarter 2021 1'],
    ['상반기를 돌아보며', '2023-07-03', 'half 2023 1'],
    ['2023년을 보내며', null, 'year 2023'],
    ['Q3 retrospective', '2024-09-30', 'quarter 2024 3'],
    ['Looking back on 2022', null, 'year 2022'],
  ])('marks "%s" as a retrospective of its period', (title, written, expected) => {
    expect(RETROSPECTIVE_MARKER.test(title)).toBe(true)
    expect(short(periodFromText(title, written))).toBe(expected)
  })

  it('does not mark ordinary post titles as retrospectives', () => {
    for (const title of ['Reading Terraform plans without fear', '쿠버네티스 파드 재시작 이유', 'Q&A 정리'])
      expect(RETROSPECTIVE_MARKER.test(title)).toBe(false)
  })

  it('derives the first and last day of what it finds', () => {
    expect(periodFromText('2024 2/4분기 회고')).toEqual({
      kind: 'quarter',
      year: 2024,
      index: 2,
      startDate: '2024-04-01',
      endDate: '2024-06-30',
    })
  })

  it('takes a missing year from the day it was written, the year before when the period had not begun', () => {
    expect(short(periodFromText('1분기 회고', '2021-04-03'))).toBe('quarter 2021 1')
    expect(short(periodFromText('하반기 회고', '2022-01-04'))).toBe('half 2021 2')
    expect(short(periodFromText('올해 회고', '2024-12-30'))).toBe('year 2024')
    expect(short(periodFromText('회고', '2024-12-30'))).toBe('year 2024')
  })

  it('finds nothing without a year in the title or a day', () => {
    expect(periodFromText('상반기 회고')).toBeNull()
    expect(periodFromText('무엇이 남았나')).toBeNull()
  })

  it('does not read a month out of an ordinary English word', () => {
    expect(short(periodFromText('What may come: 2024 retrospective'))).toBe('year 2024')
  })
})

describe('periodKey and parsePeriodKey', () => {
  it.each(['2024', '2024-H1', '2024-Q3', '2024-03', '2024-01-05..2024-02-10'])('%s reads back to itself', (key) => {
    const period = parsePeriodKey(key)
    expect('error' in period).toBe(false)
    expect(periodKey(period as never)).toBe(key)
  })

  it('names what is wrong with a bad key', () => {
    expect(parsePeriodKey('2024-Q5')).toEqual({
      error: '"2024-Q5" is not a period: use 2024, 2024-H1, 2024-Q3, 2024-03 or 2024-01-05..2024-02-10.',
    })
    expect(parsePeriodKey('2024-13')).toEqual({ error: '"2024-13": Month must be from 1 to 12, got 13.' })
    expect(parsePeriodKey('2024-03-01..2024-02-01')).toEqual({
      error: '"2024-03-01..2024-02-01": The end date 2024-02-01 is before the start date 2024-03-01.',
    })
  })
})

describe('parseLooseDate', () => {
  it.each([
    ['2021-04-01', '2021-03-31T15:00:00.000Z'],
    ['2021/04/01', '2021-03-31T15:00:00.000Z'],
    ['2021.4.1', '2021-03-31T15:00:00.000Z'],
    ['2021. 4. 1.', '2021-03-31T15:00:00.000Z'],
    ['2021년 4월 1일', '2021-03-31T15:00:00.000Z'],
    ['April 1, 2021', '2021-03-31T15:00:00.000Z'],
    ['April 1, 2021 3:00 PM', '2021-04-01T06:00:00.000Z'],
    ['2023-11-02T21:30:00+09:00', '2023-11-02T12:30:00.000Z'],
    ['2023-11-02T12:30:00Z', '2023-11-02T12:30:00.000Z'],
  ])('%s (Seoul) → %s', (text, iso) => {
    expect(parseLooseDate(text)).toBe(iso)
  })

  it('reads dates without a zone in the zone given', () => {
    expect(parseLooseDate('2021-04-01', 'UTC')).toBe('2021-04-01T00:00:00.000Z')
  })

  it('returns null for what is not a date', () => {
    expect(parseLooseDate('yesterday')).toBeNull()
    expect(parseLooseDate('2021-02-30')).toBeNull()
  })
})
