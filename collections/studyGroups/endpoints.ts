import type { Endpoint, PayloadRequest } from 'payload'

import { body, file, httpError, idParam, json, param, wholeNumber } from '../shared/endpoints'
import { buildBoard } from './roster/board'
import { rosterCsv, sessionsIcs, statusCsv } from './roster/exports'
import { importRoster } from './roster/importRoster'
import { groupPage, membershipStatus, publicRoster, weeklySubmissions } from './roster/public'
import { generateSessions } from './roster/sessions'
import { submitWork, type SubmitInput } from './roster/submit'
import { cohortsThisWeek } from './roster/thisWeek'

/** CSV comes as the body (text/csv), as an uploaded file, or as `{ "csv": "..." }`. */
async function csvFrom(req: PayloadRequest): Promise<string> {
  const type = req.headers.get('content-type') ?? ''
  if (type.includes('text/csv') || type.includes('text/plain')) return (await req.text?.()) ?? ''
  const data = await body<{ csv: unknown }>(req)
  if (req.file?.data) return req.file.data.toString('utf8')
  if (typeof data.csv !== 'string') throw httpError('csv: send the CSV as a text/csv body, a file, or {"csv": "..."}.')
  return data.csv
}

export const studyGroupEndpoints: Endpoint[] = [
  { path: '/slug/:slug', method: 'get', handler: json((req) => groupPage(req, param(req, 'slug'))) },
]

export const cohortEndpoints: Endpoint[] = [
  {
    path: '/this-week',
    method: 'get',
    handler: json(async (req) => ({ cohorts: await cohortsThisWeek(req) })),
  },
  { path: '/:id/board', method: 'get', handler: json((req) => buildBoard(req, idParam(req))) },
  { path: '/:id/generate-sessions', method: 'post', handler: json((req) => generateSessions(req, idParam(req)), 201) },
  {
    path: '/:id/import',
    method: 'post',
    handler: async (req) => {
      const dryRun = req.searchParams.get('dryRun') !== 'false'
      const report = await importRoster(req, idParam(req), await csvFrom(req), dryRun)
      return Response.json(report, { status: !dryRun && report.errors.length ? 400 : 200 })
    },
  },
  {
    path: '/:id/roster.csv',
    method: 'get',
    handler: async (req) => file(await rosterCsv(req, idParam(req)), 'text/csv', `roster-${idParam(req)}.csv`),
  },
  {
    path: '/:id/status.csv',
    method: 'get',
    handler: async (req) => file(await statusCsv(req, idParam(req)), 'text/csv', `status-${idParam(req)}.csv`),
  },
  {
    path: '/:id/sessions.ics',
    method: 'get',
    handler: async (req) =>
      new Response(await sessionsIcs(req, idParam(req)), {
        headers: { 'content-type': 'text/calendar; charset=utf-8' },
      }),
  },
  { path: '/:id/public-roster', method: 'get', handler: json((req) => publicRoster(req, idParam(req))) },
  {
    path: '/:id/weekly-submissions',
    method: 'get',
    handler: json((req) => {
      const week = req.searchParams.get('week')
      return weeklySubmissions(req, idParam(req), week ? wholeNumber(week, 'week', { min: 1, max: 520 }) : undefined)
    }),
  },
]

export const membershipEndpoints: Endpoint[] = [
  { path: '/:id/status', method: 'get', handler: json((req) => membershipStatus(req, idParam(req))) },
]

export const submissionEndpoints: Endpoint[] = [
  {
    path: '/submit',
    method: 'post',
    handler: async (req) => {
      const result = await submitWork(req, await body<SubmitInput>(req))
      return Response.json(result, { status: result.created ? 201 : 200 })
    },
  },
]
