import { discoverFeed, feedFromPage, platformFeedUrl } from '../../collections/studyGroups/feeds/discover'

describe('platformFeedUrl', () => {
  it.each([
    ['https://velog.io/@devops-kim', 'https://v2.velog.io/rss/@devops-kim'],
    ['https://velog.io/@devops-kim/posts?tag=k8s', 'https://v2.velog.io/rss/@devops-kim'],
    ['https://infra-note.tistory.com/', 'https://infra-note.tistory.com/rss'],
    ['https://infra-note.tistory.com/category/Kubernetes', 'https://infra-note.tistory.com/rss'],
    ['https://medium.com/@sre.lee', 'https://medium.com/feed/@sre.lee'],
    ['https://medium.com/daangn', 'https://medium.com/feed/daangn'],
    ['https://sre-lee.medium.com/', 'https://sre-lee.medium.com/feed'],
    ['https://blog.naver.com/cloud_park', 'https://rss.blog.naver.com/cloud_park.xml'],
    ['https://m.blog.naver.com/cloud_park', 'https://rss.blog.naver.com/cloud_park.xml'],
    ['https://blog.naver.com/PostList.naver?blogId=cloud_park', 'https://rss.blog.naver.com/cloud_park.xml'],
    ['https://choi.hashnode.dev/', 'https://choi.hashnode.dev/rss.xml'],
  ])('%s → %s', (blog, feed) => {
    expect(platformFeedUrl(blog)).toBe(feed)
  })

  it.each(['https://brunch.co.kr/@writer', 'https://jung.github.io/', 'https://velog.io/', 'not a url'])(
    '%s needs its page (or is no blog)',
    (blog) => {
      expect(platformFeedUrl(blog)).toBeNull()
    },
  )
})

describe('feedFromPage', () => {
  it("reads the page's alternate link, relative or absolute, a site feed before a comments feed", () => {
    const page = `<head>
      <link rel="alternate" type="application/rss+xml" title="Comments" href="/comments/feed">
      <LINK REL='alternate' TYPE='application/atom+xml' HREF='feed.xml?a=1&amp;b=2'>
      <link rel="stylesheet" href="/style.css"></head>`
    expect(feedFromPage(page, 'https://jung.github.io/blog/')).toBe('https://jung.github.io/blog/feed.xml?a=1&b=2')
    expect(
      feedFromPage(
        '<link type="application/rss+xml" rel="alternate" href="https://brunch.co.kr/rss/@@aBc">',
        'https://brunch.co.kr/@writer',
      ),
    ).toBe('https://brunch.co.kr/rss/@@aBc')
    expect(feedFromPage('<link rel="alternate" hreflang="en" href="/en/">', 'https://x.dev/')).toBeNull()
  })
})

describe('discoverFeed', () => {
  const atom = '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>'

  it('needs no request for a known platform, then tries the page, then the usual paths', async () => {
    const asked: string[] = []
    const site: Record<string, string> = {
      'https://jung.github.io/': '<html></html>',
      'https://jung.github.io/atom.xml': atom,
    }
    const fetchText = async (url: string) => {
      asked.push(url)
      return url in site ? { status: 200, text: site[url] } : { status: 404, text: '' }
    }
    expect(await discoverFeed('https://velog.io/@kim', fetchText)).toBe('https://v2.velog.io/rss/@kim')
    expect(asked).toEqual([])
    expect(await discoverFeed('https://jung.github.io/', fetchText)).toBe('https://jung.github.io/atom.xml')
    expect(asked).toEqual([
      'https://jung.github.io/',
      'https://jung.github.io/feed.xml',
      'https://jung.github.io/atom.xml',
    ])
    await expect(discoverFeed('https://nothing.example/', fetchText)).rejects.toThrow(
      /no feed found.*enter the feed URL/,
    )
  })
})
