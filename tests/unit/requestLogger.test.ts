import { EventEmitter } from 'node:events'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Payload } from 'payload'

import { requestLogger } from '../../src/http/requestLogger'

function logged(format: 'json' | 'pretty', status: number, path = '/api/posts') {
  const calls: Array<{ level: string; args: unknown[] }> = []
  const logger = Object.fromEntries(
    ['debug', 'info', 'error'].map((level) => [level, (...args: unknown[]) => calls.push({ level, args })]),
  ) as unknown as Payload['logger']
  const res = Object.assign(new EventEmitter(), { statusCode: status }) as unknown as ServerResponse
  const req = { method: 'GET', url: `${path}?limit=1` } as IncomingMessage
  requestLogger(logger, { format })(req, res)
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
})
