import { Writable } from 'node:stream'
import pino from 'pino'

import { logGraphQLRefusalsAtInfo } from '../../src/lib/graphqlRefusals'

/** A logger with the hook, and the lines it wrote. */
function capture() {
  const lines: Array<Record<string, unknown>> = []
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)))
      done()
    },
  })
  return { logger: pino({ hooks: { logMethod: logGraphQLRefusalsAtInfo } }, stream), lines }
}

/** What Payload's GraphQL handler logs: the GraphQL error, with the error it wraps. */
const graphqlError = (status: number | undefined, message: string) =>
  Object.assign(new Error(message), { name: 'GraphQLError', originalError: { status, message } })

describe('GraphQL refusals in the log', () => {
  it('writes a refusal GraphQL wraps (a 4xx) at info, one line without a stack', () => {
    const { logger, lines } = capture()
    logger.error({ err: graphqlError(401, 'The email or password provided is incorrect.') })
    expect(lines).toEqual([
      expect.objectContaining({ level: 30, msg: 'The email or password provided is incorrect.', status: 401 }),
    ])
    expect(JSON.stringify(lines)).not.toMatch(/stack/)
  })

  it('writes an error Payload threw with a 4xx status at info too', () => {
    const { logger, lines } = capture()
    logger.error({ err: Object.assign(new Error("Missing 'where' query of documents to delete."), { status: 400 }) })
    expect(lines).toEqual([expect.objectContaining({ level: 30, status: 400 })])
  })

  it('keeps the server’s own faults, and errors without a status, at error with their stack', () => {
    const { logger, lines } = capture()
    logger.error({ err: graphqlError(500, 'database down') })
    logger.error({ err: graphqlError(undefined, 'undefined is not a function') })
    logger.error('plain message')
    expect(lines.map((line) => line.level)).toEqual([50, 50, 50])
    expect(JSON.stringify(lines[0])).toMatch(/stack/)
  })
})
