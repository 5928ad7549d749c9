import type { RequestHandler } from 'express'

/** The header Devlog's server tells Payload the client's address in (see `clientAddress` in env.ts). */
export const CLIENT_ADDRESS_HEADER = 'x-devlog-client-address'

/**
 * Names the socket's address for login throttling, replacing whatever a client sent under that
 * name: clients reach this server directly, so forwarded headers would be theirs to invent.
 */
export const clientAddress: RequestHandler = (req, _res, next) => {
  req.headers[CLIENT_ADDRESS_HEADER] = req.socket.remoteAddress ?? 'unknown'
  next()
}
