import { APIError, type Endpoint, type PayloadRequest } from 'payload'

import { json, param } from '../../shared/endpoints.js'

/** A group's page: the group's public fields, its sub-studies and its cohorts. */
export async function groupPage(req: PayloadRequest, slug: string) {
  const found = await req.payload.find({
    collection: 'study-groups',
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 1,
    overrideAccess: false,
    user: req.user,
    req,
  })
  const group = found.docs[0]
  if (!group) throw new APIError(`No study group with the slug "${slug}".`, 404, undefined, true)
  const common = { depth: 0, pagination: false, overrideAccess: false, user: req.user, req } as const
  const [subStudies, cohorts] = await Promise.all([
    req.payload.find({
      collection: 'study-groups',
      where: { parent: { equals: group.id } },
      sort: 'name',
      select: { name: true, slug: true, kind: true, status: true, description: true },
      ...common,
    }),
    req.payload.find({
      collection: 'cohorts',
      where: { group: { equals: group.id } },
      sort: '-startDate',
      select: { label: true, number: true, status: true, startDate: true, endDate: true },
      ...common,
    }),
  ])
  const operators = (group.operators ?? []).map((operator) =>
    typeof operator === 'object' ? { id: operator.id, name: operator.name ?? null } : { id: operator, name: null },
  )
  return { group: { ...group, operators }, subStudies: subStudies.docs, cohorts: cohorts.docs }
}

export const studyGroupEndpoints: Endpoint[] = [
  { path: '/slug/:slug', method: 'get', handler: json((req) => groupPage(req, param(req, 'slug'))) },
]
