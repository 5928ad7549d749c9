import { renderSitemaps } from '../../collections/delivery/sitemap'
import { absolutiseHtml, documentUrl } from '../../collections/delivery/urls'
import { sanitizeOptions } from '../../collections/options'

const { site } = sanitizeOptions(
  { site: { serverURL: 'https://cms.example.com', feedsURL: 'https://cms.example.com' } },
  {},
)

const urls = Array.from({ length: 5 }, (_, index) => ({
  loc: `https://blog.example.com/posts/p${index}?a=1&b=2`,
  lastmod: `2026-0${index + 1}-01T00:00:00.000Z`,
}))

describe('renderSitemaps', () => {
  it('writes one urlset while the URLs fit, escaping them', () => {
    const { root, pages } = renderSitemaps(urls, site, 10)
    expect(pages).toEqual([])
    expect(root).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
    expect(root).toContain(
      '<url><loc>https://blog.example.com/posts/p0?a=1&amp;b=2</loc><lastmod>2026-01-01T00:00:00.000Z</lastmod></url>',
    )
    expect(root.match(/<url>/g)).toHaveLength(5)
  })

  it('writes an index and pages past the per-file limit, each page with its newest lastmod', () => {
    const { root, pages } = renderSitemaps(urls, site, 2)
    expect(pages).toHaveLength(3)
    expect(root).toContain('<sitemapindex')
    expect(root).toContain(
      '<sitemap><loc>https://cms.example.com/sitemaps/2.xml</loc><lastmod>2026-04-01T00:00:00.000Z</lastmod></sitemap>',
    )
    expect(pages[2].match(/<url>/g)).toHaveLength(1)
  })
})

describe('document URLs', () => {
  it('follow the site document URL template, or the server by default', () => {
    const custom = sanitizeOptions(
      { site: { documentURLTemplate: 'https://blog.example.com/{collection}/{slug}/' } },
      {},
    )
    expect(documentUrl(custom.site, 'posts', '2024년-회고')).toBe(
      'https://blog.example.com/posts/2024%EB%85%84-%ED%9A%8C%EA%B3%A0/',
    )
    const byDefault = sanitizeOptions({}, { serverURL: 'http://localhost:4000' })
    expect(documentUrl(byDefault.site, 'tags', 'k8s')).toBe('http://localhost:4000/tags/k8s')
  })

  it('make root-relative media links absolute', () => {
    expect(absolutiseHtml('<img src="/api/media/file/a.png"><a href="//cdn.example.com/x">', site.serverURL)).toBe(
      '<img src="https://cms.example.com/api/media/file/a.png"><a href="//cdn.example.com/x">',
    )
  })
})
