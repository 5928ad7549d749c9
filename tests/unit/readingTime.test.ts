import { countText, readingMinutes, wordCount } from '../../collections/shared/lib/readingTime'

describe('countText', () => {
  it('counts Hangul by characters and Latin by words', () => {
    expect(countText('쿠버네티스 클러스터 운영')).toEqual({ cjkCharacters: 11, words: 0, codeWords: 0 })
    expect(countText('Reading Terraform plans without fear')).toEqual({ cjkCharacters: 0, words: 5, codeWords: 0 })
    expect(countText('Pod이 OOMKilled로 재시작')).toEqual({ cjkCharacters: 5, words: 2, codeWords: 0 })
  })

  it('counts code separately', () => {
    expect(countText('text', 'kubectl get pods -n payments')).toEqual({ cjkCharacters: 0, words: 1, codeWords: 5 })
  })
})

describe('readingMinutes', () => {
  it('reads 500 Hangul characters or 230 words a minute', () => {
    expect(readingMinutes({ cjkCharacters: 1500, words: 0, codeWords: 0 })).toBe(3)
    expect(readingMinutes({ cjkCharacters: 0, words: 690, codeWords: 0 })).toBe(3)
    expect(readingMinutes({ cjkCharacters: 500, words: 230, codeWords: 0 })).toBe(2)
  })

  it('counts code lighter than prose', () => {
    const prose = readingMinutes({ cjkCharacters: 0, words: 1200, codeWords: 0 })
    const code = readingMinutes({ cjkCharacters: 0, words: 0, codeWords: 1200 })
    expect(code).toBeLessThan(prose)
  })

  it('is at least a minute for any text and zero for none', () => {
    expect(readingMinutes({ cjkCharacters: 0, words: 3, codeWords: 0 })).toBe(1)
    expect(readingMinutes({ cjkCharacters: 0, words: 0, codeWords: 0 })).toBe(0)
  })
})

describe('wordCount', () => {
  it('adds words, code words and CJK characters', () => {
    expect(wordCount({ cjkCharacters: 10, words: 5, codeWords: 2 })).toBe(17)
  })
})
