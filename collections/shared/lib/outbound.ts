import { lookup } from 'node:dns'
import { lookup as dnsLookup } from 'node:dns/promises'
import http from 'node:http'
import https from 'node:https'
import type { LookupFunction } from 'node:net'
import ipaddr from 'ipaddr.js'

/**
 * The one way Devlog sends requests to URLs people give it (webhooks). Only `http`/`https`, only
 * to public unicast addresses: loopback, private, link-local, CGNAT, unique-local, multicast,
 * unspecified and reserved ranges, IPv4-mapped IPv6 forms of them, and numeric host spellings
 * (`2130706433`, `0x7f.1`: the URL parser turns them into dotted addresses) are refused. The
 * check runs on every address the name resolves to, at connection time (no DNS rebinding), and
 * redirects are never followed. `allowHosts` lists hosts allowed anyway (development, tests).
 */
export class OutboundRefused extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'OutboundRefused'
  }
}

/** Whether an IP address is public unicast, with IPv4-mapped IPv6 judged as the IPv4 it maps. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false
  const parsed = ipaddr.process(address)
  return parsed.range() === 'unicast'
}

/** A host as allow lists name it: lower case, an IPv6 address without its brackets. */
export const bareHost = (hostname: string) =>
  hostname
    .trim()
    .replace(/^\[(.*)\]$/, '$1')
    .toLowerCase()

/**
 * What is wrong with a URL as an outbound target before any lookup (its scheme, an address
 * written into it, a local name), or `null`.
 */
export function outboundUrlProblem(raw: string, allowHosts: readonly string[] = []): string | null {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return 'is not a URL'
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an http(s) URL'
  if (url.username || url.password) return 'must not carry credentials'
  const host = bareHost(url.hostname)
  if (allowHosts.includes(host)) return null
  if (ipaddr.isValid(host)) return isPublicAddress(host) ? null : 'points at a private or local address'
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || !host.includes('.'))
    return 'points at a local host name'
  return null
}

/**
 * `outboundUrlProblem`, then the addresses the name resolves to now. A name that does not resolve
 * passes: it cannot be reached either, and every delivery checks again.
 */
export async function resolvedOutboundUrlProblem(
  raw: string,
  allowHosts: readonly string[] = [],
): Promise<string | null> {
  const problem = outboundUrlProblem(raw, allowHosts)
  if (problem) return problem
  const host = bareHost(new URL(raw).hostname)
  if (allowHosts.includes(host) || ipaddr.isValid(host)) return null
  try {
    const addresses = await dnsLookup(host, { all: true })
    return addresses.every(({ address }) => isPublicAddress(address)) ? null : 'resolves to a private or local address'
  } catch {
    return null
  }
}

/** A DNS lookup that fails when the name resolves to any address that is not public. */
export const publicOnlyLookup =
  (allowHosts: readonly string[]): LookupFunction =>
  (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 4)
      const refused =
        !allowHosts.includes(bareHost(hostname)) && addresses.some(({ address }) => !isPublicAddress(address))
      if (refused) return callback(new OutboundRefused(`${hostname} resolves to a private or local address`), '', 4)
      if (options.all) return (callback as unknown as (e: null, all: typeof addresses) => void)(null, addresses)
      callback(null, addresses[0].address, addresses[0].family)
    })
  }

export type OutboundResponse = { status: number; headers: http.IncomingHttpHeaders; body: Buffer }

type OutboundRequest = {
  method: 'GET' | 'POST'
  headers?: Record<string, string>
  body?: string
  /** The whole exchange's deadline: connecting, sending, and the answer to its last byte. */
  timeoutMs: number
  /** Answers longer than this are refused; the body is kept only when it is above 0. */
  maxBytes?: number
  allowHosts?: readonly string[]
}

/** Sends one request to a checked URL; redirects are answers, not followed. */
function sendOutbound(
  raw: string,
  { method, headers = {}, body, timeoutMs, maxBytes = 0, allowHosts = [] }: OutboundRequest,
): Promise<OutboundResponse> {
  const problem = outboundUrlProblem(raw, allowHosts)
  if (problem) return Promise.reject(new OutboundRefused(`The URL ${problem}.`))
  const url = new URL(raw)
  const client = url.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    // One deadline for the whole exchange, not an idle timer: a server that sends a byte now and
    // then would otherwise keep the request open as long as it likes.
    const deadline = setTimeout(
      () => request.destroy(new Error(`no complete answer within ${timeoutMs} ms`)),
      timeoutMs,
    )
    const fail = (error: Error) => {
      clearTimeout(deadline)
      reject(error)
    }
    const request = client.request(
      url,
      {
        method,
        headers: body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) },
        lookup: publicOnlyLookup(allowHosts),
      },
      (response) => {
        const chunks: Buffer[] = []
        let size = 0
        response.on('data', (chunk: Buffer) => {
          if (maxBytes <= 0) return
          size += chunk.length
          if (size > maxBytes) response.destroy(new Error(`the answer is larger than ${maxBytes} bytes`))
          else chunks.push(chunk)
        })
        response.on('end', () => {
          clearTimeout(deadline)
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) })
        })
        response.on('error', fail)
      },
    )
    request.on('error', fail)
    request.end(body)
  })
}

/** POSTs `body` to a checked URL; resolves with the status (redirects are answers, not followed). */
export const postOutbound = (
  raw: string,
  options: { headers: Record<string, string>; body: string; timeoutMs: number; allowHosts?: readonly string[] },
): Promise<{ status: number }> => sendOutbound(raw, { ...options, method: 'POST' }).then(({ status }) => ({ status }))

/** GETs a checked URL, keeping at most `maxBytes` of its answer. */
export const getOutbound = (
  raw: string,
  options: { headers?: Record<string, string>; timeoutMs: number; maxBytes: number; allowHosts?: readonly string[] },
): Promise<OutboundResponse> => sendOutbound(raw, { ...options, method: 'GET' })
