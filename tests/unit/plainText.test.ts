import {
  looksLikeMarkdown,
  nestNumberedHeadings,
  plainTextToMarkdown,
  readPlainTextPage,
} from '../../collections/transfer/plainText'

const isPropertyName = (name: string) => ['date', 'tags', '날짜', '태그'].includes(name.toLowerCase())

describe('plain text as Markdown', () => {
  it('reads a copied page: chrome lines dropped, the title above the properties, name and value lines', () => {
    const page = readPlainTextPage(
      'Search\nTeam wiki / Retrospectives\n\n2022 2/4분기 회고\n\n날짜\n2022/07/02\n태그\n회고\n\n들어가며\n\n석 달을 돌아본다.\n',
      isPropertyName,
    )
    expect(page).toEqual({
      title: '2022 2/4분기 회고',
      properties: [
        ['날짜', '2022/07/02'],
        ['태그', '회고'],
      ],
      body: '## 들어가며\n\n석 달을 돌아본다.',
    })
  })

  it('takes the first short line as the title of a page without properties, and no title from a sentence', () => {
    expect(readPlainTextPage('2023년 회고\n\n0. 생각\n\n많이 배웠다.\n', isPropertyName).title).toBe('2023년 회고')
    expect(readPlainTextPage('올해는 바쁜 한 해였습니다.\n\n내년에는 쉬겠습니다.\n', isPropertyName).title).toBeNull()
  })

  it.each([
    ['사내 쿠버네티스 스터디', '## 사내 쿠버네티스 스터디'],
    ['1. 직업', '## 1. 직업'],
    ['1-1. 첫 번째 “퇴사”', '### 1-1. 첫 번째 “퇴사”'],
    ['2.3 운영', '### 2.3 운영'],
    ['스터디를 열었다.', '스터디를 열었다.'],
    ['매주 한 명이 발표했다', '매주 한 명이 발표했다'],
    ['We shipped it.', 'We shipped it.'],
    ['https://example.com/a-link-on-its-own', 'https://example.com/a-link-on-its-own'],
    ['# 기호로 시작하지만 문장입니다.', '\\# 기호로 시작하지만 문장입니다.'],
    ['1. 번호로 시작하지만 문장입니다.', '1\\. 번호로 시작하지만 문장입니다.'],
  ])('a line standing alone: "%s" → "%s"', (line, markdown) => {
    expect(plainTextToMarkdown(`${line}\n`)).toBe(markdown)
  })

  it('makes a block of short lines a list and a block of long ones paragraphs', () => {
    expect(plainTextToMarkdown('읽은 책\n\n데이터 중심 애플리케이션 설계\n쿠버네티스 패턴\n')).toBe(
      '## 읽은 책\n\n- 데이터 중심 애플리케이션 설계\n- 쿠버네티스 패턴',
    )
    const long = 'x'.repeat(130)
    expect(plainTextToMarkdown(`${long}\n${long}\n`)).toBe(`${long}\n\n${long}`)
  })

  it('puts second-level numbered Markdown headings one level below the first, only when both are there', () => {
    expect(nestNumberedHeadings('## 1. 일\n\n## 1-1. 이직\n\n## 2. 공부\n')).toBe(
      '## 1. 일\n\n### 1-1. 이직\n\n## 2. 공부\n',
    )
    expect(nestNumberedHeadings('## 1-1. 이직\n')).toBe('## 1-1. 이직\n')
  })

  it('tells Markdown from plain text', () => {
    expect(looksLikeMarkdown('# Title\n\ntext')).toBe(true)
    expect(looksLikeMarkdown('text with a [link](https://example.com)')).toBe(true)
    expect(looksLikeMarkdown('- item')).toBe(true)
    expect(looksLikeMarkdown('2023년 회고\n\n0. 생각\n\n많이 배웠다.')).toBe(false)
  })
})
