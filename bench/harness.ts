/**
 * What the benchmarks share: running commands, starting a server process and waiting for it,
 * its memory, and loading it with autocannon over loopback.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import autocannon from 'autocannon'

import { freePort } from '../tests/helpers/server'

// The bundles run from build/bench/.
export const root = path.resolve(import.meta.dirname, '../..')
export const CONNECTIONS = 50
/** The servers' PAYLOAD_SECRET: a fixed value, since each benchmark's databases are thrown away. */
export const SECRET = 'devlog-benchmark-secret-0123456789abcdef'
/** Corpus posts a benchmark seeds (`BENCH_POSTS`). */
export const POSTS = Number(process.env.BENCH_POSTS || 1_000)

/**
 * How the side-by-side benchmarks load each endpoint: `BENCH_DURATION` seconds a round, after a
 * warm-up, `BENCH_ROUNDS` rounds per server (single runs on a shared 2-core machine move by up to
 * half, so each figure is the median of several).
 */
export const TURNS = {
  durationS: Number(process.env.BENCH_DURATION || 10),
  rounds: Number(process.env.BENCH_ROUNDS || 3),
  warmupS: 2,
}
export const log = (message: string) => process.stdout.write(`${message}\n`)

export type Env = Record<string, string | undefined>
export type Request = { path: string; method?: 'GET' | 'POST'; body?: string }
export type Measure = { requestsPerSecond: number; p50: number; p99: number; errors: number; bytes: number }

/** Devlog's production build (the admin's `.next` and `build/server.js`), made when missing. */
export function ensureDevlogBuild() {
  if (fs.existsSync(path.join(root, '.next/BUILD_ID')) && fs.existsSync(path.join(root, 'build/server.js'))) return
  log('No production build of Devlog: running `npm run build`…')
  run('npm', ['run', 'build'])
}

export function run(command: string, args: string[], env: Env = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env } as Env as NodeJS.ProcessEnv,
  })
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`)
}

/** Resident memory of a process and all its descendants, from /proc. */
function treeRSS(pid: number): number {
  let total = 0
  const pending = [pid]
  while (pending.length) {
    const current = pending.pop()!
    try {
      const status = fs.readFileSync(`/proc/${current}/status`, 'utf8')
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024
      for (const task of fs.readdirSync(`/proc/${current}/task`)) {
        const children = fs.readFileSync(`/proc/${current}/task/${task}/children`, 'utf8').trim()
        if (children) pending.push(...children.split(/\s+/).map(Number))
      }
    } catch {
      // the process ended between two reads
    }
  }
  return total
}

export type Server = {
  url: string
  child: ChildProcess
  /** From spawning the process to the first 200 on its ready path. */
  readyMs: number
  peakRSS: () => number
  stop: () => Promise<void>
}

export async function startProcess(args: string[], env: Env, readyPath: string): Promise<Server> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  // The server's output goes to a file, not a pipe to this process: this process is also the load
  // generator, and reading a request log line per request would slow it, not the server.
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'devlog-bench-log-'))
  const logFile = path.join(logDir, 'server.log')
  const logFd = fs.openSync(logFile, 'w')
  const spawnedAt = performance.now()
  const child = spawn(
    process.execPath,
    args.map((arg) => arg.replace('$PORT', String(port))),
    {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NEXT_TELEMETRY_DISABLED: '1',
        PORT: String(port),
        SERVER_URL: url,
        ...env,
      } as Env as NodeJS.ProcessEnv,
      stdio: ['ignore', logFd, logFd],
    },
  )
  fs.closeSync(logFd)
  const output = () => fs.readFileSync(logFile, 'utf8').slice(-8_000)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const deadline = Date.now() + 90_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}:\n${output()}`)
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`${args.join(' ')} not ready within 90 s:\n${output()}`)
    }
    const status = await fetch(url + readyPath).then(
      (response) => response.status,
      () => 0,
    )
    if (status === 200) break
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  const readyMs = performance.now() - spawnedAt
  let peak = 0
  const sampler = setInterval(() => (peak = Math.max(peak, treeRSS(child.pid!))), 100)
  return {
    url,
    child,
    readyMs,
    peakRSS: () => Math.max(peak, treeRSS(child.pid!)),
    stop: async () => {
      clearInterval(sampler)
      child.kill('SIGTERM')
      await exited
      fs.rmSync(logDir, { recursive: true, force: true })
    },
  }
}

export async function fetchOnce(server: Server, request: Request) {
  const response = await fetch(server.url + request.path, {
    method: request.method ?? 'GET',
    body: request.body,
    headers: request.body ? { 'content-type': 'application/json' } : {},
  })
  const body = Buffer.from(await response.arrayBuffer())
  if (response.status !== 200)
    throw new Error(`${request.method ?? 'GET'} ${request.path}: ${response.status} ${body.toString().slice(0, 300)}`)
  return { contentType: response.headers.get('content-type') ?? 'application/octet-stream', body }
}

export async function load(
  server: Server,
  request: Request,
  seconds: number,
  connections = CONNECTIONS,
): Promise<Measure> {
  const result = await autocannon({
    url: server.url + request.path,
    method: request.method ?? 'GET',
    body: request.body,
    headers: request.body ? { 'content-type': 'application/json' } : {},
    connections,
    duration: seconds,
  })
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    bytes: result.throughput.average,
  }
}

export type Run<Target extends string> = { target: Target; server: Server; requests: Request[] }
export type TurnResults<Target extends string> = Partial<Record<Target, { measures: Measure[]; peakRSS: number }>>

/**
 * Loads each endpoint on the given servers in turn, round after round (the baseline, then Devlog,
 * then the baseline again…), and keeps each server's median round. This machine's speed drifts by
 * a fifth within minutes, so servers measured one after the other would be compared across that
 * drift; taken in turns, each comparison is between rounds seconds apart.
 */
export async function measureInTurns<Target extends string>(
  runs: Run<Target>[],
  { rounds, warmupS, durationS }: { rounds: number; warmupS: number; durationS: number },
): Promise<TurnResults<Target>> {
  const measured = runs.map(() => [] as Measure[][])
  for (let index = 0; index < runs[0].requests.length; index++) {
    for (const { server, requests } of runs) {
      await fetchOnce(server, requests[index])
      await load(server, requests[index], warmupS)
    }
    for (let round = 0; round < rounds; round++)
      for (const [run, { server, requests }] of runs.entries())
        (measured[run][index] ??= []).push(await load(server, requests[index], durationS))
  }
  return Object.fromEntries(
    runs.map(({ target, server }, run) => [
      target,
      { measures: measured[run].map(medianByRate), peakRSS: server.peakRSS() },
    ]),
  ) as TurnResults<Target>
}

/** The run whose requests per second are the median; its latencies come with it. */
function medianByRate(rounds: Measure[]): Measure {
  const sorted = [...rounds].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)
  return sorted[Math.floor((sorted.length - 1) / 2)]
}
