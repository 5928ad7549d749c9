import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export type ReceivedMail = { to: string[]; subject: string; text: string }

/** An SMTP server on loopback that keeps every message it is sent. */
export async function startSmtpSink() {
  const messages: ReceivedMail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push({
            to: session.envelope.rcptTo.map((recipient) => recipient.address),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
          })
          callback()
        })
        .catch(callback)
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  return { port, messages, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

/** An HTTP server on loopback that keeps the JSON bodies posted to each path (Slack, Discord). */
export async function startWebhookReceiver() {
  const received: { path: string; body: Record<string, unknown> }[] = []
  /** Paths that answer 500 this many more times. */
  const failures = new Map<string, number>()
  const server = http.createServer((request, response) => {
    let data = ''
    request.on('data', (chunk) => (data += chunk))
    request.on('end', () => {
      const path = request.url ?? '/'
      const failing = failures.get(path) ?? 0
      if (failing > 0) {
        failures.set(path, failing - 1)
        response.writeHead(500).end('try later')
        return
      }
      received.push({ path, body: JSON.parse(data || '{}') })
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    received,
    failures,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
