import { findImages, rewriteImages, splitSections } from '../../collections/transfer/markdownText'
import { ImportError, parseSource, tagNames, titleFromFileName } from '../../collections/transfer/source'

describe('parseSource', () => {
  it('reads YAML front matter under the names authors use, and reports the names it does not know', () => {
    const source = parseSource(
      '\uFEFF---\r\ntitle: "쿠버네티스: probe"\r\ncanonical_url: https://velog.io/@a/b\r\nsummary: 요약\r\nlayout: post\r\n---\r\n\r\n본문\r\n',
    )
    expect(source).toEqual({
      shape: 'front-matter',
      format: 'markdown',
      title: '쿠버네티스: probe',
      properties: { title: '쿠버네티스: probe', canonicalUrl: 'https://velog.io/@a/b', excerpt: '요약' },
      ignored: ['layout'],
      body: '\n본문\n',
    })
  })

  it('keeps dates as the text written (no YAML timestamp conversion)', () => {
    expect(parseSource('---\ndate: 2021-04-01\n---\n# T\n').properties.date).toBe('2021-04-01')
  })

  it('takes the title from the first heading when the front matter has none', () => {
    const source = parseSource('---\ntags: [a]\n---\n\n# 제목입니다\n\n본문')
    expect(source.title).toBe('제목입니다')
    expect(source.body.trim()).toBe('본문')
  })

  it('names the line of broken front matter', () => {
    expect(() => parseSource('---\ntitle: "unclosed\ndate: 2022-05-01\n---\n')).toThrow(ImportError)
    expect(() => parseSource('---\ntitle: ok\ntags: [a, b\n---\n')).toThrow(/^front matter line \d+: /)
    expect(() => parseSource('---\ntitle: ok\n\nno closing line')).toThrow(
      'front matter: the opening "---" has no closing "---" line.',
    )
    expect(() => parseSource('---\n- just\n- a list\n---\n')).toThrow(
      'front matter must be a list of "name: value" lines.',
    )
  })

  it("reads Notion's export: a title heading, then one `Name: value` line per property", () => {
    const source = parseSource(
      '# Terraform 모듈 정리\n\nCreated: April 1, 2021 3:00 PM\nTags: terraform, iac\nLast edited time: April 3, 2021\n\nNote: this first paragraph is body text.\n',
    )
    expect(source.shape).toBe('notion')
    expect(source.title).toBe('Terraform 모듈 정리')
    expect(source.properties).toEqual({
      date: 'April 1, 2021 3:00 PM',
      tags: 'terraform, iac',
      updated: 'April 3, 2021',
    })
    expect(source.body.trim()).toBe('Note: this first paragraph is body text.')
  })

  it("reads Notion's odd spacing: names and values on lines of their own, blank lines anywhere", () => {
    const source = parseSource('# 2021 1/4분기 회고\n\nDate\n\n2021/04/01\n\n\nTags\n회고, 일상\n\n## 돌아보며\n\n본문')
    expect(source.shape).toBe('notion')
    expect(source.properties).toEqual({ date: '2021/04/01', tags: '회고, 일상' })
    expect(source.body.trim()).toBe('## 돌아보며\n\n본문')
  })

  it('reads Korean property names', () => {
    const source = parseSource('# 글\n\n작성일: 2021년 4월 1일\n태그: 쿠버네티스\n\n본문')
    expect(source.properties).toEqual({ date: '2021년 4월 1일', tags: '쿠버네티스' })
  })

  it('treats a heading followed by ordinary text as plain Markdown', () => {
    const source = parseSource('# Plain post\n\nSee: the docs for details.\n')
    expect(source.shape).toBe('markdown')
    expect(source.title).toBe('Plain post')
    expect(source.body.trim()).toBe('See: the docs for details.')
  })
})

describe('tagNames and titleFromFileName', () => {
  it('reads tags as a list or a comma-separated line, without duplicates or hashes', () => {
    expect(tagNames(['a', '#b', 'a', 3])).toEqual(['a', 'b', '3'])
    expect(tagNames('terraform, iac ，쿠버네티스')).toEqual(['terraform', 'iac', '쿠버네티스'])
    expect(tagNames(undefined)).toEqual([])
  })

  it('drops the id Notion appends to file names', () => {
    expect(titleFromFileName('2021 1분기 회고 0123456789abcdef0123456789abcdef.md')).toBe('2021 1분기 회고')
    expect(titleFromFileName('notes.markdown')).toBe('notes')
  })
})

describe('images in Markdown', () => {
  const markdown = [
    '![로컬](images/a%20b.png "title")',
    'text ![remote](https://example.com/x.png) and `![code](no.png)`',
    '```md',
    '![in a fence](no.png)',
    '```',
    '![angle](<images/with space.png>)',
  ].join('\n')

  it('finds references outside code fences and inline code', () => {
    expect(findImages(markdown)).toEqual([
      { alt: '로컬', url: 'images/a%20b.png', title: 'title' },
      { alt: 'remote', url: 'https://example.com/x.png', title: null },
      { alt: 'angle', url: 'images/with space.png', title: null },
    ])
  })

  it('rewrites only those references', () => {
    const rewritten = rewriteImages(markdown, (image) => `[${image.alt}]`)
    expect(rewritten).toContain('[로컬]')
    expect(rewritten).toContain('`![code](no.png)`')
    expect(rewritten).toContain('![in a fence](no.png)')
  })
})

describe('splitSections', () => {
  it('makes one section per ## heading, and one for what comes before the first', () => {
    expect(splitSections('intro\n\n## 잘한 것\n\n- a\n\n## 아쉬운 것\n\n```md\n## not a heading\n```\n', 'ko')).toEqual(
      [
        { heading: '개요', body: 'intro' },
        { heading: '잘한 것', body: '- a' },
        { heading: '아쉬운 것', body: '```md\n## not a heading\n```' },
      ],
    )
  })

  it('keeps a body without headings as one section', () => {
    expect(splitSections('Just text.', 'en')).toEqual([{ heading: 'Overview', body: 'Just text.' }])
  })
})
