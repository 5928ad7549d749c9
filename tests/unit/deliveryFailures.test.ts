import { Writable } from 'node:stream'
import pino from 'pino'

import { chainLogMethods, logDeliveryFailuresAtWarn } from '../../src/lib/deliveryFailures'
import { logGraphQLRefusalsAtInfo } from '../../src/lib/graphqlRefusals'

/** A logger with both of Devlog's hooks, as payload.config.ts chains them, and the lines it wrote. */
function capture() {
  const lines: Array<Record<string, unknown>> = []
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)))
      done()
    },
  })
  const logMethod = chainLogMethods(logGraphQLRefusalsAtInfo, logDeliveryFailuresAtWarn(['deliverWebhook']))
  return { logger: pino({ hooks: { logMethod } }, stream), lines }
}

/** What Payload's job runner logs when a task fails. */
const taskFailure = (taskSlug: string, message: string) => ({
  err: Object.assign(new Error(message), { name: 'TaskError' }),
  job: { id: 7, input: { body: '…' } },
  msg: `Error running task 1. Attempt 1/6`,
  taskSlug,
})

describe('delivery failures in the log', () => {
  it('writes a failed delivery at warn, one line naming the reason, without a stack or the job', () => {
    const { logger, lines } = capture()
    logger.error(taskFailure('deliverWebhook', 'Webhook https://hooks.example: getaddrinfo ENOTFOUND'))
    expect(lines).toEqual([
      expect.objectContaining({
        level: 40,
        msg: 'Error running task 1. Attempt 1/6: Webhook https://hooks.example: getaddrinfo ENOTFOUND',
        taskSlug: 'deliverWebhook',
        job: 7,
      }),
    ])
    expect(JSON.stringify(lines)).not.toMatch(/stack|input/)
  })

  it('keeps other tasks’ failures and everything else at error, and still passes GraphQL refusals to info', () => {
    const { logger, lines } = capture()
    logger.error(taskFailure('pollMemberFeeds', 'database is locked'))
    logger.error('plain message')
    logger.error({
      err: Object.assign(new Error('wrong password'), { name: 'GraphQLError', originalError: { status: 401 } }),
    })
    expect(lines.map((line) => line.level)).toEqual([50, 50, 30])
  })
})
