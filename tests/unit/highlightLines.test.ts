import { parseLineRanges } from '../../collections/shared/lib/highlightLines'

describe('parseLineRanges', () => {
  it('parses single lines and ranges, sorted and without duplicates', () => {
    expect(parseLineRanges('1, 3-5')).toEqual([1, 3, 4, 5])
    expect(parseLineRanges('5,1,2-3,3')).toEqual([1, 2, 3, 5])
    expect(parseLineRanges('')).toEqual([])
    expect(parseLineRanges(undefined)).toEqual([])
  })

  it.each([['a'], ['0'], ['5-3'], ['1,,2'], ['1-'], ['1-100000']])('explains what is wrong with %p', (input) => {
    expect(parseLineRanges(input)).toEqual({ error: expect.any(String) })
  })
})
