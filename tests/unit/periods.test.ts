import { daysInMonth, derivePeriod, periodTitle, toDay, type Period } from '../../collections/shared/lib/periods'

const period = (input: Parameters<typeof derivePeriod>[0]) => derivePeriod(input) as Period

describe('derivePeriod', () => {
  it('derives a whole year', () => {
    expect(derivePeriod({ kind: 'year', year: 2024 })).toEqual({
      kind: 'year',
      year: 2024,
      index: null,
      startDate: '2024-01-01',
      endDate: '2024-12-31',
    })
  })

  it.each([
    [1, '2023-01-01', '2023-06-30'],
    [2, '2023-07-01', '2023-12-31'],
  ])('derives half %i', (index, startDate, endDate) => {
    expect(period({ kind: 'half', year: 2023, index })).toMatchObject({ startDate, endDate })
  })

  it.each([
    [1, '2021-01-01', '2021-03-31'],
    [2, '2021-04-01', '2021-06-30'],
    [3, '2021-07-01', '2021-09-30'],
    [4, '2021-10-01', '2021-12-31'],
  ])('derives quarter %i', (index, startDate, endDate) => {
    expect(period({ kind: 'quarter', year: 2021, index })).toMatchObject({ startDate, endDate })
  })

  it('derives months with their real last day, leap years included', () => {
    expect(period({ kind: 'month', year: 2024, index: 2 })).toMatchObject({
      startDate: '2024-02-01',
      endDate: '2024-02-29',
    })
    expect(period({ kind: 'month', year: 2023, index: 2 })).toMatchObject({ endDate: '2023-02-28' })
    expect(period({ kind: 'month', year: 1900, index: 2 })).toMatchObject({ endDate: '1900-02-28' })
    expect(period({ kind: 'month', year: 2000, index: 2 })).toMatchObject({ endDate: '2000-02-29' })
    expect(period({ kind: 'month', year: 2025, index: 4 })).toMatchObject({ endDate: '2025-04-30' })
    expect(period({ kind: 'month', year: 2025, index: 12 })).toMatchObject({
      startDate: '2025-12-01',
      endDate: '2025-12-31',
    })
  })

  it('takes both dates of a custom period, its year from the start', () => {
    expect(derivePeriod({ kind: 'custom', startDate: '2024-03-15T00:00:00.000Z', endDate: '2024-05-31' })).toEqual({
      kind: 'custom',
      year: 2024,
      index: null,
      startDate: '2024-03-15',
      endDate: '2024-05-31',
    })
    expect(derivePeriod({ kind: 'custom', startDate: '2024-03-15', endDate: '2024-03-15' })).toMatchObject({
      startDate: '2024-03-15',
    })
  })

  it.each([
    [{ kind: 'quarter', year: 2024, index: 5 }, 'index', /Quarter must be from 1 to 4, got 5/],
    [{ kind: 'month', year: 2024, index: 13 }, 'index', /Month must be from 1 to 12, got 13/],
    [{ kind: 'half', year: 2024, index: 0 }, 'index', /Half must be from 1 to 2/],
    [{ kind: 'quarter', year: 2024 }, 'index', /got nothing/],
    [{ kind: 'year', year: 24.5 }, 'year', /whole number/],
    [{ kind: 'decade', year: 2020 }, 'kind', /one of year, half, quarter, month, custom/],
    [{ kind: 'custom', startDate: '2024-05-01', endDate: '2024-04-30' }, 'endDate', /before the start date/],
    [{ kind: 'custom', startDate: '2023-02-29', endDate: '2023-03-01' }, 'startDate', /valid start date/],
    [{ kind: 'custom', startDate: '2024-01-01' }, 'endDate', /valid end date/],
  ])('refuses %p', (input, field, message) => {
    expect(derivePeriod(input)).toEqual({ field, error: expect.stringMatching(message) })
  })
})

describe('periodTitle', () => {
  it.each([
    [{ kind: 'year', year: 2024 }, '2024년 회고', '2024 Retrospective'],
    [{ kind: 'quarter', year: 2021, index: 1 }, '2021년 1분기 회고', '2021 Q1 Retrospective'],
    [{ kind: 'half', year: 2023, index: 1 }, '2023년 상반기 회고', '2023 H1 Retrospective'],
    [{ kind: 'half', year: 2023, index: 2 }, '2023년 하반기 회고', '2023 H2 Retrospective'],
    [{ kind: 'month', year: 2025, index: 3 }, '2025년 3월 회고', 'March 2025 Retrospective'],
    [
      { kind: 'custom', startDate: '2024-03-01', endDate: '2024-05-31' },
      '2024.03.01–2024.05.31 회고',
      'Retrospective 2024-03-01 – 2024-05-31',
    ],
  ])('%p → %s / %s', (input, ko, en) => {
    expect(periodTitle(period(input), 'ko')).toBe(ko)
    expect(periodTitle(period(input), 'en')).toBe(en)
  })
})

describe('toDay and daysInMonth', () => {
  it('normalises dates and refuses impossible ones', () => {
    expect(toDay('2024-02-29T15:00:00.000Z')).toBe('2024-02-29')
    expect(toDay('2023-02-29')).toBeNull()
    expect(toDay('yesterday')).toBeNull()
    expect(daysInMonth(2024, 2)).toBe(29)
  })
})
