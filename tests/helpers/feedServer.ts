import { createHash } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A loopback server of blogs and their feeds, changed by the test as it goes: each route answers
 * with its current body, an ETag of that body, and 304 to a request that sends the ETag back.
 */
export type FeedRoute = { body: string; type?: string; status?: number; etag?: boolean }

export type FeedServer = {
  url: (path: string) => string
  set: (path: string, route: FeedRoute) => void
  /** Every request served: path and its conditional headers. */
  requests: { path: string; ifNoneMatch: string | null; ifModifiedSince: string | null; status: number }[]
  close: () => Promise<void>
}

export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, FeedRoute>()
  const requests: FeedServer['requests'] = []
  const server = http.createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname
    const route = routes.get(path)
    const ifNoneMatch = (request.headers['if-none-match'] as string | undefined) ?? null
    const ifModifiedSince = (request.headers['if-modified-since'] as string | undefined) ?? null
    const answer = (status: number, headers: Record<string, string> = {}, body = '') => {
      requests.push({ path, ifNoneMatch, ifModifiedSince, status })
      response.writeHead(status, headers).end(body)
    }
    if (!route) return answer(404, { 'content-type': 'text/plain' }, 'not found')
    const etag = `"${createHash('sha1').update(route.body).digest('hex').slice(0, 16)}"`
    if (route.etag !== false && ifNoneMatch === etag) return answer(304, { etag })
    answer(
      route.status ?? 200,
      {
        'content-type': route.type ?? 'application/rss+xml; charset=utf-8',
        ...(route.etag !== false ? { etag, 'last-modified': 'Mon, 01 Mar 2027 00:00:00 GMT' } : {}),
      },
      route.body,
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    set: (path, route) => routes.set(path, route),
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

export type Item = { title: string; link: string; date: string; guid?: string }

/** RSS 2.0 as velog and Tistory write it: the guid is the link, full HTML in the description. */
export const rss = (title: string, items: Item[]) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>${escape(title)}</title><link>https://example.test</link><description>${escape(title)}</description>
${items
  .map(
    (item) => `<item><title><![CDATA[${item.title}]]></title><link>${escape(item.link)}</link>
<guid isPermaLink="true">${escape(item.guid ?? item.link)}</guid>
<pubDate>${new Date(item.date).toUTCString()}</pubDate><description><![CDATA[<p>${item.title}</p>]]></description></item>`,
  )
  .join('\n')}
</channel></rss>`

/** Atom as jekyll-feed writes it: an `id` per entry, `published` and `updated`. */
export const atom = (title: string, items: Item[]) => `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>${escape(title)}</title><id>https://example.github.io/</id>
<updated>2027-03-01T00:00:00+09:00</updated>
${items
  .map(
    (
      item,
    ) => `<entry><title>${escape(item.title)}</title><link href="${escape(item.link)}" rel="alternate" type="text/html"/>
<id>${escape(item.guid ?? item.link)}</id><published>${item.date}</published><updated>${item.date}</updated>
<content type="html">${escape(`<p>${item.title}</p>`)}</content></entry>`,
  )
  .join('\n')}
</feed>`
