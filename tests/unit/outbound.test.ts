import http from 'node:http'
import type { AddressInfo } from 'node:net'

import {
  isPublicAddress,
  outboundUrlProblem,
  getOutbound,
  postOutbound,
  publicOnlyLookup,
  OutboundRefused,
} from '../../collections/shared/lib/outbound'

describe('addresses outbound requests may reach', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '255.255.255.255',
    '224.0.0.1',
    '::1',
    '::',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    'not-an-address',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false)
  })

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('allows %s', (address) => {
    expect(isPublicAddress(address)).toBe(true)
  })
})

describe('URLs outbound requests may go to', () => {
  it.each([
    ['http://127.0.0.1:8080/hook', /private or local address/],
    ['http://localhost:3000/', /local host name/],
    ['http://api.localhost/', /local host name/],
    ['http://intranet/', /local host name/],
    ['http://[::ffff:127.0.0.1]/', /private or local address/],
    ['http://[::1]:80/', /private or local address/],
    ['http://2130706433/', /private or local address/],
    ['http://0x7f.1/', /private or local address/],
    ['http://0.0.0.0:9000/', /private or local address/],
    ['http://169.254.169.254/latest/meta-data', /private or local address/],
    ['http://100.64.1.1/', /private or local address/],
    ['ftp://example.com/', /http\(s\)/],
    ['file:///etc/passwd', /http\(s\)/],
    ['http://user:secret@example.com/', /credentials/],
    ['not a url', /not a URL/],
  ])('refuses %s', (url, problem) => {
    expect(outboundUrlProblem(url)).toMatch(problem)
  })

  it('allows public hosts, and private ones only when listed', () => {
    expect(outboundUrlProblem('https://hooks.example.com/devlog')).toBeNull()
    expect(outboundUrlProblem('http://127.0.0.1:8080/hook', ['127.0.0.1'])).toBeNull()
    expect(outboundUrlProblem('http://[::1]:8080/hook', ['::1'])).toBeNull()
  })

  it('refuses, at connection time, names that resolve to private addresses', async () => {
    const lookup = publicOnlyLookup([])
    const error = await new Promise<Error | null>((resolve) => lookup('localhost', {}, (failure) => resolve(failure)))
    expect(error).toBeInstanceOf(OutboundRefused)
    const allowed = publicOnlyLookup(['localhost'])
    const address = await new Promise<string>((resolve, reject) =>
      allowed('localhost', {}, (failure, resolved) => (failure ? reject(failure) : resolve(String(resolved)))),
    )
    expect(isPublicAddress(address)).toBe(false)
  })
})

describe('postOutbound against loopback servers of this test', () => {
  const hits: string[] = []
  let target: http.Server
  let redirector: http.Server
  let targetUrl: string
  let redirectUrl: string

  beforeAll(async () => {
    target = http.createServer((req, res) => {
      hits.push(`target ${req.method} ${req.url}`)
      req.resume()
      res.writeHead(204).end()
    })
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve))
    targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}/hook`
    redirector = http.createServer((req, res) => {
      hits.push(`redirector ${req.method}`)
      req.resume()
      res.writeHead(307, { location: targetUrl }).end()
    })
    await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve))
    redirectUrl = `http://127.0.0.1:${(redirector.address() as AddressInfo).port}/`
  })

  afterAll(async () => {
    await new Promise((resolve) => target.close(resolve))
    await new Promise((resolve) => redirector.close(resolve))
  })

  beforeEach(() => {
    hits.length = 0
  })

  const post = (url: string, allowHosts?: string[]) =>
    postOutbound(url, { headers: { 'content-type': 'text/plain' }, body: 'hello', timeoutMs: 2_000, allowHosts })

  it('sends nothing to a loopback address that is not allowed', async () => {
    await expect(post(targetUrl)).rejects.toBeInstanceOf(OutboundRefused)
    await expect(post(targetUrl.replace('127.0.0.1', 'localhost'))).rejects.toBeInstanceOf(OutboundRefused)
    expect(hits).toEqual([])
  })

  it('posts to an allowed host and never follows a redirect', async () => {
    expect(await post(targetUrl, ['127.0.0.1'])).toEqual({ status: 204 })
    expect(await post(redirectUrl, ['127.0.0.1'])).toEqual({ status: 307 })
    expect(hits).toEqual(['target POST /hook', 'redirector POST'])
  })
})

describe('getOutbound against a loopback server of this test', () => {
  let server: http.Server
  let url: string

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url !== '/trickle') return res.end('x'.repeat(req.url === '/big' ? 5_000 : 10))
      // A byte every 50 ms for 10 s: never idle long enough for an idle timer to fire.
      res.writeHead(200, { 'content-type': 'application/rss+xml' })
      let sent = 0
      const timer = setInterval(() => {
        if (res.destroyed || ++sent > 200) {
          clearInterval(timer)
          return res.end()
        }
        res.write('x')
      }, 50)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve))
  })

  it('refuses a private address, reads an allowed one, and stops at the size limit', async () => {
    const get = (path: string, allowHosts?: string[]) =>
      getOutbound(`${url}${path}`, { timeoutMs: 2_000, maxBytes: 1_000, allowHosts })
    await expect(get('/small')).rejects.toBeInstanceOf(OutboundRefused)
    const small = await get('/small', ['127.0.0.1'])
    expect({ status: small.status, body: small.body.toString() }).toEqual({ status: 200, body: 'xxxxxxxxxx' })
    await expect(get('/big', ['127.0.0.1'])).rejects.toThrow('the answer is larger than 1000 bytes')
  })

  it('gives up on an answer that trickles in, at the deadline of the whole exchange', async () => {
    const started = Date.now()
    await expect(
      getOutbound(`${url}/trickle`, { timeoutMs: 500, maxBytes: 1_000, allowHosts: ['127.0.0.1'] }),
    ).rejects.toThrow('no complete answer within 500 ms')
    // Well before the 10 s the server would take (the bound is loose: it only tells the two apart).
    expect(Date.now() - started).toBeLessThan(5_000)
  })
})
