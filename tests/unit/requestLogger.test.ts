import { EventEmitter } from 'node:events'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Payload } from 'payload'

import { requestLogger } from '../../src/http/requestLogger'

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace']

/** A logger that records its calls and, like pino, says which levels are on. */
function recordingLogger(level: 'info' | 'debug' = 'info') {
  const calls: Array<{ level: string; args: unknown[] }> = []
  const logger = {
    ...Object.fromEntries(LEVELS.map((name) => [name, (...args: unknown[]) => calls.push({ level: name, args })])),
    isLevelEnabled: (name: string) => LEVELS.indexOf(name) <= LEVELS.indexOf(level),
  } as unknown as Payload['logger']
  return { logger, calls }
}

const request = (path: string) => ({ method: 'GET', url: `${path}?limit=1` }) as IncomingMessage
const response = (status: number) =>
  Object.assign(new EventEmitter(), { statusCode: status }) as unknown as ServerResponse

function logged(format: 'json' | 'pretty', status: number, path = '/api/posts') {
  const { logger, calls } = recordingLogger()
  const res = response(status)
  requestLogger(logger, { format }).request(request(path), res, process.hrtime.bigint())
  expect(calls).toEqual([])
  res.emit('finish')
  return calls
}

describe('requestLogger', () => {
  it('writes one line a developer reads in the pretty format: method, URL, status and time in the message', () => {
    const [call, ...rest] = logged('pretty', 200)
    expect(rest).toEqual([])
    expect(call.level).toBe('info')
    expect(call.args).toHaveLength(1)
    expect(call.args[0]).toMatch(/^GET \/api\/posts\?limit=1 200 \d+(\.\d)? ms$/)
  })

  it('gives log collectors the fields as JSON, and failures at error level', () => {
    const [call] = logged('json', 503)
    expect(call.level).toBe('error')
    expect(call.args[0]).toMatchObject({ method: 'GET', url: '/api/posts?limit=1', status: 503 })
    expect(call.args[1]).toBe('request failed')
  })

  it('keeps health checks at debug level', () => {
    expect(logged('pretty', 200, '/healthz')[0].level).toBe('debug')
  })

  it('logs the URL a request came with, not the one a router rewrote it to', () => {
    const { logger, calls } = recordingLogger()
    const req = request('/feed.xml')
    const res = response(200)
    requestLogger(logger, { format: 'json' }).request(req, res, process.hrtime.bigint())
    req.url = '/api/feed'
    res.emit('finish')
    expect(calls[0].args[0]).toMatchObject({ url: '/feed.xml?limit=1' })
  })

  it('counts cache hits at info level, and writes their number when asked for a summary', () => {
    const { logger, calls } = recordingLogger('info')
    const log = requestLogger(logger, { format: 'json' })
    for (let i = 0; i < 3; i++) log.hit(request('/api/posts'), response(200), process.hrtime.bigint())
    expect(calls).toEqual([])
    log.summarise()
    expect(calls).toEqual([{ level: 'info', args: [{ cacheHits: 3 }, 'requests answered from the response cache'] }])
    // Each summary counts from the last; none is written for a quiet minute.
    log.summarise()
    expect(calls).toHaveLength(1)
    log.hit(request('/api/posts'), response(304), process.hrtime.bigint())
    log.summarise()
    expect(calls[1].args[0]).toEqual({ cacheHits: 1 })
  })

  it('writes a line for each cache hit at debug level, and counts none of them', () => {
    const { logger, calls } = recordingLogger('debug')
    const log = requestLogger(logger, { format: 'pretty' })
    log.hit(request('/api/tags'), response(304), process.hrtime.bigint())
    expect(calls).toHaveLength(1)
    expect(calls[0].level).toBe('debug')
    expect(calls[0].args[0]).toMatch(/^GET \/api\/tags\?limit=1 304 \d+(\.\d)? ms$/)
    log.summarise()
    expect(calls).toHaveLength(1)
  })

  it('summarises hits in the pretty format as a sentence', () => {
    const { logger, calls } = recordingLogger('info')
    const log = requestLogger(logger, { format: 'pretty' })
    log.hit(request('/api/tags'), response(200), process.hrtime.bigint())
    log.hit(request('/api/tags'), response(200), process.hrtime.bigint())
    log.summarise()
    expect(calls).toEqual([{ level: 'info', args: ['2 requests answered from the response cache'] }])
    log.hit(request('/api/tags'), response(200), process.hrtime.bigint())
    log.summarise()
    expect(calls[1].args).toEqual(['1 request answered from the response cache'])
  })
})
