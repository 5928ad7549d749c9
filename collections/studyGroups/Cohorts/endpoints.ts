import { APIError, type Endpoint } from 'payload'

import { buildBoard } from '../roster/board.js'
import { rosterCsv, sessionsIcs, statusCsv } from '../roster/exports.js'
import { body, file, json, param, parseWeek } from '../../shared/endpoints.js'
import { importRoster } from '../roster/importRoster.js'
import { publicRoster, weeklySubmissions } from '../roster/public.js'
import { generateSessions } from '../roster/sessions.js'

/** CSV comes as the body (text/csv) or as `{ "csv": "..." }`. */
async function csvFrom(req: Parameters<Endpoint['handler']>[0]): Promise<string> {
  const type = req.headers.get('content-type') ?? ''
  if (type.includes('text/csv') || type.includes('text/plain')) return (await req.text?.()) ?? ''
  const data = await body<{ csv?: unknown }>(req)
  if (req.file?.data) return req.file.data.toString('utf8')
  if (typeof data.csv !== 'string')
    throw new APIError('csv: send the CSV as a text/csv body, a file, or {"csv": "..."}.', 400, undefined, true)
  return data.csv
}

export const cohortEndpoints: Endpoint[] = [
  { path: '/:id/board', method: 'get', handler: json((req) => buildBoard(req, param(req, 'id'))) },
  {
    path: '/:id/generate-sessions',
    method: 'post',
    handler: json((req) => generateSessions(req, param(req, 'id')), 201),
  },
  {
    path: '/:id/import',
    method: 'post',
    handler: async (req) => {
      const dryRun = req.searchParams.get('dryRun') !== 'false'
      const report = await importRoster(req, param(req, 'id'), await csvFrom(req), dryRun)
      return Response.json(report, { status: !dryRun && report.errors.length ? 400 : 200 })
    },
  },
  {
    path: '/:id/roster.csv',
    method: 'get',
    handler: async (req) => file(await rosterCsv(req, param(req, 'id')), 'text/csv', `roster-${param(req, 'id')}.csv`),
  },
  {
    path: '/:id/status.csv',
    method: 'get',
    handler: async (req) => file(await statusCsv(req, param(req, 'id')), 'text/csv', `status-${param(req, 'id')}.csv`),
  },
  {
    path: '/:id/sessions.ics',
    method: 'get',
    handler: async (req) =>
      new Response(await sessionsIcs(req, param(req, 'id')), {
        headers: { 'content-type': 'text/calendar; charset=utf-8' },
      }),
  },
  { path: '/:id/public-roster', method: 'get', handler: json((req) => publicRoster(req, param(req, 'id'))) },
  {
    path: '/:id/weekly-submissions',
    method: 'get',
    handler: json((req) => weeklySubmissions(req, param(req, 'id'), parseWeek(req.searchParams.get('week')))),
  },
]
