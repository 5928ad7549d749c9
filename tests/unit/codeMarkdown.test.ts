import {
  codeMarkdownConverter,
  normaliseLanguage,
  parseFenceMeta,
} from '../../collections/shared/richtext/blocks/codeMarkdown'

describe('normaliseLanguage', () => {
  it.each([
    ['ts', 'typescript'],
    ['YAML', 'yaml'],
    ['yml', 'yaml'],
    ['tf', 'hcl'],
    ['sh', 'bash'],
    ['brainfuck', 'text'],
    [undefined, 'text'],
  ])('%p → %p', (input, expected) => {
    expect(normaliseLanguage(input)).toBe(expected)
  })
})

describe('parseFenceMeta', () => {
  it('reads a file name and highlighted lines', () => {
    expect(parseFenceMeta('title="deploy.yaml" {1,3-4}')).toEqual({ filename: 'deploy.yaml', highlightLines: '1,3-4' })
    expect(parseFenceMeta('filename=main.go')).toEqual({ filename: 'main.go' })
    expect(parseFenceMeta(undefined)).toEqual({})
  })
})

describe('codeMarkdownConverter', () => {
  it('imports a fence with language and meta', () => {
    const openMatch = '```ts title="app.ts" {2}'.match(codeMarkdownConverter.customStartRegex)
    expect(codeMarkdownConverter.import({ children: '\nconst a = 1\nconst b = 2\n', openMatch })).toEqual({
      language: 'typescript',
      code: 'const a = 1\nconst b = 2',
      filename: 'app.ts',
      highlightLines: '2',
    })
  })

  it('exports what it imports', () => {
    expect(
      codeMarkdownConverter.export({
        fields: { language: 'bash', code: 'ls -la', filename: 'list.sh', highlightLines: '1' },
      }),
    ).toBe('```bash title="list.sh" {1}\nls -la\n```')
    expect(codeMarkdownConverter.export({ fields: { language: 'text', code: 'plain' } })).toBe('```\nplain\n```')
  })
})
