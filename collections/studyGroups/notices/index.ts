import { GraphQLJSON } from '@payloadcms/graphql/types'
import type { Endpoint, GraphQLExtension, TaskConfig } from 'payload'

import { idParam, json, parseId } from '../../shared/endpoints'
import type { ResolverContext } from '../../shared/graphql'
import { deliverNoticeTask } from './deliver'
import { createSessionDigest, sessionDigest } from './digest'
import { planNotices } from './plan'

export { noticeSettingsField } from './settings'
export { StudyNotices } from './StudyNotices'

/** `GET` and `POST /api/study-sessions/:id/digest`. */
export const digestEndpoints: Endpoint[] = [
  { path: '/:id/digest', method: 'get', handler: json((req) => sessionDigest(req, idParam(req))) },
  {
    path: '/:id/digest',
    method: 'post',
    handler: async (req) => {
      const result = await createSessionDigest(req, idParam(req))
      return Response.json(result, { status: result.created ? 201 : 200 })
    },
  },
]

const sessionArg = (GraphQL: Parameters<GraphQLExtension>[0]) => ({
  session: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
})

export const noticeQueries: GraphQLExtension = (GraphQL) => ({
  SessionDigest: {
    type: GraphQLJSON,
    description:
      "A week's digest: its title, the submissions it lists, the draft post once written (GET /api/study-sessions/:id/digest).",
    args: sessionArg(GraphQL),
    resolve: async (_: unknown, args: { session: string }, { req }: ResolverContext) =>
      sessionDigest(req, parseId(req, args.session, 'session')),
  },
})

export const noticeMutations: GraphQLExtension = (GraphQL) => ({
  createSessionDigest: {
    type: GraphQLJSON,
    description:
      "Write a week's digest draft now, or answer the one written already (POST /api/study-sessions/:id/digest).",
    args: sessionArg(GraphQL),
    resolve: async (_: unknown, args: { session: string }, { req }: ResolverContext) =>
      createSessionDigest(req, parseId(req, args.session, 'session')),
  },
})

/** The scheduled look for due reminders, summaries and digests, and the delivery of each. */
export const noticeTasks = ({
  schedule,
  retryDelayMs,
  allowPrivateHosts,
}: {
  schedule: string
  retryDelayMs: number
  allowPrivateHosts: readonly string[]
}): TaskConfig[] => [
  {
    slug: 'planStudyNotices',
    label: 'Plan study-group reminders, summaries and digests',
    schedule: [{ cron: schedule, queue: 'default' }],
    retries: 0,
    outputSchema: [
      { name: 'queued', type: 'number' },
      { name: 'digests', type: 'number' },
    ],
    handler: async ({ req }) => {
      const { queued, digests } = await planNotices(req.payload)
      return { output: { queued, digests: digests.length } }
    },
  },
  deliverNoticeTask({ retryDelayMs, allowPrivateHosts }),
]
