import { sitemapIndex, urlset } from '../../collections/delivery/sitemap'
import { absolutiseHtml, documentUrl } from '../../collections/delivery/urls'
import { sanitizeOptions } from '../../collections/options'

const { site } = sanitizeOptions(
  { site: { serverURL: 'https://cms.example.com', feedsURL: 'https://cms.example.com' } },
  {},
)

describe('sitemap files', () => {
  it('write a urlset, escaping the URLs', () => {
    const xml = urlset([{ loc: 'https://blog.example.com/posts/p0?a=1&b=2', lastmod: '2026-01-01T00:00:00.000Z' }])
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
    expect(xml).toContain(
      '<url><loc>https://blog.example.com/posts/p0?a=1&amp;b=2</loc><lastmod>2026-01-01T00:00:00.000Z</lastmod></url>',
    )
  })

  it('write an index with one entry per page, its lastmod when it has one', () => {
    const xml = sitemapIndex(['2026-04-01T00:00:00.000Z', null], site)
    expect(xml).toContain('<sitemapindex')
    expect(xml).toContain(
      '<sitemap><loc>https://cms.example.com/sitemaps/1.xml</loc><lastmod>2026-04-01T00:00:00.000Z</lastmod></sitemap>',
    )
    expect(xml).toContain('<sitemap><loc>https://cms.example.com/sitemaps/2.xml</loc></sitemap>')
  })

  it('refuse more URLs per file than the protocol allows', () => {
    expect(() => sanitizeOptions({ sitemap: { urlsPerFile: 50_001 } }, {})).toThrow(
      /sitemap.urlsPerFile must be at most 50000/,
    )
    expect(() => sanitizeOptions({ sitemap: { urlsPerFile: 0 } }, {})).toThrow(/sitemap.urlsPerFile/)
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
