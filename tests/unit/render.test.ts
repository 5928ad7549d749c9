import { renderContent, uploadIds } from '../../collections/shared/richtext/render'
import {
  callout,
  codeBlock,
  doc,
  embed,
  footnote,
  heading,
  link,
  list,
  paragraph,
  quote,
  table,
  text,
  upload,
} from '../helpers/lexical'

const sample = doc(
  paragraph(text('쿠버네티스에서 Pod이 재시작될 때 확인할 것들을 정리했다.')),
  heading('h2', '증상'),
  paragraph(text('OOMKilled'), footnote('Out Of Memory로 커널이 프로세스를 종료한 상태.'), text(' 상태가 반복되었다.')),
  heading('h3', 'kubectl로 보기'),
  codeBlock('bash', 'kubectl describe pod api-0\nkubectl top pod', { filename: 'check.sh', highlightLines: '2' }),
  heading('h2', '증상'),
  table([
    ['설정', '값'],
    ['limits.memory', '512Mi'],
  ]),
  list('check', [{ text: 'limit 확인', checked: true }, { text: '힙 설정 확인' }]),
  callout('warning', 'limit을 올리기 전에\n원인을 본다.', '주의'),
  embed('https://www.youtube.com/watch?v=dQw4w9WgXcQ', '발표 영상'),
  quote('측정 없이는 개선도 없다.'),
  paragraph(link('https://kubernetes.io/docs/', 'Kubernetes docs'), text(' '), link('javascript:alert(1)', 'bad')),
  upload(7, '대시보드'),
)

describe('renderContent', () => {
  const media = new Map([['7', { url: '/api/media/file/dash.png', alt: 'Grafana 대시보드', width: 1600, height: 900 }]])
  const rendered = renderContent(sample as never, media)

  it('gives headings unique ids and a nested table of contents with the same ids', () => {
    expect(rendered.html).toContain('<h2 id="증상">증상</h2>')
    expect(rendered.html).toContain('<h3 id="kubectl로-보기">kubectl로 보기</h3>')
    expect(rendered.html).toContain('<h2 id="증상-2">증상</h2>')
    expect(rendered.toc).toEqual([
      {
        id: '증상',
        text: '증상',
        level: 2,
        children: [{ id: 'kubectl로-보기', text: 'kubectl로 보기', level: 3, children: [] }],
      },
      { id: '증상-2', text: '증상', level: 2, children: [] },
    ])
  })

  it('renders code blocks with a language class and data attributes for file name and highlighted lines', () => {
    expect(rendered.html).toContain(
      '<figure class="code-block" data-language="bash" data-filename="check.sh" data-highlight-lines="2"><figcaption>check.sh</figcaption><pre><code class="language-bash">kubectl describe pod api-0\nkubectl top pod</code></pre></figure>',
    )
  })

  it('numbers footnotes in order and lists them at the end with back links', () => {
    expect(rendered.html).toContain('<sup class="footnote-ref" id="fnref-1"><a href="#fn-1">1</a></sup>')
    expect(rendered.html).toMatch(
      /<section class="footnotes"><ol><li id="fn-1">Out Of Memory로 커널이 프로세스를 종료한 상태\. <a href="#fnref-1" class="footnote-back">↩<\/a><\/li><\/ol><\/section>$/,
    )
  })

  it('renders tables, check lists, callouts, quotes, embeds and captioned images', () => {
    expect(rendered.html).toMatch(/<table[^>]*>.*<th[^>]*>.*설정.*<\/th>.*<td[^>]*>.*512Mi.*<\/td>.*<\/table>/s)
    expect(rendered.html).toContain(
      '<li class="task-list-item" data-checked="true"><input type="checkbox" disabled checked /> limit 확인</li>',
    )
    expect(rendered.html).toContain(
      '<aside class="callout callout-warning" data-kind="warning"><p class="callout-title">주의</p><p>limit을 올리기 전에<br />원인을 본다.</p></aside>',
    )
    expect(rendered.html).toContain('<blockquote>측정 없이는 개선도 없다.</blockquote>')
    expect(rendered.html).toContain(
      '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="발표 영상" loading="lazy" allowfullscreen',
    )
    expect(rendered.html).toContain(
      '<figure class="image"><img src="/api/media/file/dash.png" alt="Grafana 대시보드" width="1600" height="900" loading="lazy" /><figcaption>대시보드</figcaption></figure>',
    )
  })

  it('leaves out the empty paragraphs the editor keeps at the end, and keeps those between', () => {
    const { html } = renderContent(
      doc(paragraph(text('하나')), paragraph(), paragraph(text('둘')), paragraph(), paragraph()),
    )
    expect(html).toBe('<p>하나</p><p><br /></p><p>둘</p>')
  })

  it('sanitises: no script URLs, no event handlers', () => {
    expect(rendered.html).toContain('<a href="https://kubernetes.io/docs/">Kubernetes docs</a>')
    expect(rendered.html).not.toMatch(/javascript:/i)
    const hostile = renderContent(doc(paragraph(text('<img src=x onerror=alert(1)>'))) as never)
    expect(hostile.html).toBe('<p>&lt;img src=x onerror=alert(1)&gt;</p>')
  })

  it('derives the first paragraph, word count and reading time', () => {
    expect(rendered.firstParagraph).toBe('쿠버네티스에서 Pod이 재시작될 때 확인할 것들을 정리했다.')
    expect(rendered.wordCount).toBeGreaterThan(100)
    expect(rendered.readingTime).toBe(1)
    const long = renderContent(doc(paragraph(text('가'.repeat(2600)))) as never)
    expect(long.readingTime).toBe(5)
  })

  it('renders nothing for empty content', () => {
    expect(renderContent(null)).toEqual({
      html: '',
      toc: [],
      readingTime: 0,
      wordCount: 0,
      firstParagraph: '',
      plainText: '',
    })
  })
})

describe('uploadIds', () => {
  it('collects the media ids of upload nodes', () => {
    expect(uploadIds(doc(upload(3), paragraph(text('x')), upload('abc')) as never)).toEqual([3, 'abc'])
  })
})
