import { csvDocument, neutraliseCell } from '../../collections/shared/lib/csv'

describe('CSV cells', () => {
  it.each([
    '=1+2',
    '+1',
    '-1+2',
    '@SUM(A1)',
    '\t=1',
    '\r=1',
    ' =1+2',
    '\u00a0=1+2',
    '\u3000=1+2',
    '＝1+2',
    '＋1',
    '＠SUM(A1)',
    'x;=1+2',
    'x, +1',
    'line\n=HYPERLINK("http://evil.example")',
  ])('shows %j as text', (value) => {
    expect(neutraliseCell(value)).toBe(`'${value}`)
  })

  it.each(['김하나', 'hana@example.com', 'https://velog.io/@hana', 'a-b', '1+2', 'C# & F#'])(
    'leaves %j as it is',
    (value) => expect(neutraliseCell(value)).toBe(value),
  )

  it('writes numbers as numbers, negative ones included', () => {
    expect(
      csvDocument([
        ['n', 'name'],
        [-3, '=1'],
      ]),
    ).toBe("\ufeffn,name\n-3,'=1\n")
  })
})
