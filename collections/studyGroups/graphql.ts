import { GraphQLJSON } from '@payloadcms/graphql/types'
import type { GraphQLExtension } from 'payload'

import { parseId } from '../shared/endpoints'
import type { ResolverContext } from '../shared/graphql'
import { buildBoard } from './roster/board'
import { cohortsThisWeek } from './roster/thisWeek'
import { importRoster } from './roster/importRoster'
import { groupPage, membershipStatus, publicRoster, weeklySubmissions } from './roster/public'
import { generateSessions } from './roster/sessions'
import { submitWork } from './roster/submit'

/** The GraphQL twins of the study groups' REST endpoints. */
export const studyGroupQueries: GraphQLExtension = (GraphQL) => {
  const id = { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) }
  return {
    StudyGroupPage: {
      type: GraphQLJSON,
      description: 'A study group by slug with its sub-studies and cohorts (GET /api/study-groups/slug/:slug).',
      args: { slug: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) } },
      resolve: async (_: unknown, args: { slug: string }, { req }: ResolverContext) => groupPage(req, args.slug),
    },
    CohortBoard: {
      type: GraphQLJSON,
      description: 'The roster board of a cohort, for its operators (GET /api/cohorts/:id/board).',
      args: { id },
      resolve: async (_: unknown, args: { id: string }, { req }: ResolverContext) =>
        buildBoard(req, parseId(req, args.id, 'id')),
    },
    CohortsThisWeek: {
      type: GraphQLJSON,
      description:
        "The active cohorts the signed-in operator runs (every one for an admin), each with this week's session and who has submitted, who has not and who is at risk (GET /api/cohorts/this-week).",
      resolve: async (_: unknown, _args: unknown, { req }: ResolverContext) => cohortsThisWeek(req),
    },
    CohortPublicRoster: {
      type: GraphQLJSON,
      args: { id },
      resolve: async (_: unknown, args: { id: string }, { req }: ResolverContext) =>
        publicRoster(req, parseId(req, args.id, 'id')),
    },
    WeeklySubmissions: {
      type: GraphQLJSON,
      args: { cohort: id, week: { type: GraphQL.GraphQLInt } },
      resolve: async (_: unknown, args: { cohort: string; week?: number }, { req }: ResolverContext) =>
        weeklySubmissions(req, parseId(req, args.cohort, 'cohort'), args.week ?? undefined),
    },
    MembershipStatus: {
      type: GraphQLJSON,
      args: { id },
      resolve: async (_: unknown, args: { id: string }, { req }: ResolverContext) =>
        membershipStatus(req, parseId(req, args.id, 'id')),
    },
  }
}

export const studyGroupMutations: GraphQLExtension = (GraphQL) => {
  const id = { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) }
  const optionalId = (req: ResolverContext['req'], value: string | undefined, field: string) =>
    value === undefined || value === null ? undefined : parseId(req, value, field)
  return {
    submitWork: {
      type: GraphQLJSON,
      description: 'Submit or resubmit a week’s work (POST /api/submissions/submit).',
      args: {
        session: id,
        membership: { type: GraphQL.GraphQLString },
        url: { type: GraphQL.GraphQLString },
        post: { type: GraphQL.GraphQLString },
        title: { type: GraphQL.GraphQLString },
      },
      resolve: async (_: unknown, args: Record<string, string | undefined>, { req }: ResolverContext) =>
        submitWork(req, {
          ...args,
          session: parseId(req, args.session, 'session'),
          membership: optionalId(req, args.membership, 'membership'),
          post: optionalId(req, args.post, 'post'),
        }),
    },
    generateSessions: {
      type: GraphQLJSON,
      args: { cohort: id },
      resolve: async (_: unknown, args: { cohort: string }, { req }: ResolverContext) =>
        generateSessions(req, parseId(req, args.cohort, 'cohort')),
    },
    importRoster: {
      type: GraphQLJSON,
      args: {
        cohort: id,
        csv: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
        dryRun: { type: GraphQL.GraphQLBoolean },
      },
      resolve: async (_: unknown, args: { cohort: string; csv: string; dryRun?: boolean }, { req }: ResolverContext) =>
        importRoster(req, parseId(req, args.cohort, 'cohort'), args.csv, args.dryRun !== false),
    },
  }
}
