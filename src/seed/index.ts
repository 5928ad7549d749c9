import { createLocalReq, type Payload, type PayloadRequest } from 'payload'

import { markdownToLexical } from '../../collections/shared/richtext/markdown'
import { inTransaction } from '../../collections/shared/transactions'
import { generateSessions } from '../../collections/studyGroups/roster/sessions'
import { demoPosts, demoRetrospectives, demoStudyMembers, demoTags, POSTING_STUDY_RULES } from './demoContent'

export type SeedResult = { seeded: false; reason: string } | { seeded: true; adminEmail: string }

/** What a person may have written or imported before the first start: demo content would clash with it. */
const CONTENT_COLLECTIONS = ['posts', 'retrospectives', 'tags', 'series', 'study-groups', 'members'] as const

/**
 * Loads the demo content into an empty database, once: a database that already has a user, or
 * content of its own (an import run before the first start), is left untouched. Everything is
 * written in one transaction so a failed seed leaves nothing behind.
 */
export async function seedDemoContent(
  payload: Payload,
  admin: { email: string; password: string },
): Promise<SeedResult> {
  const { totalDocs } = await payload.count({ collection: 'users', overrideAccess: true })
  if (totalDocs > 0) return { seeded: false, reason: 'the database already has users' }
  const held: string[] = []
  for (const collection of CONTENT_COLLECTIONS) {
    const { totalDocs: count } = await payload.count({ collection, overrideAccess: true })
    if (count > 0) held.push(`${count} ${collection}`)
  }
  if (held.length) return { seeded: false, reason: `the database already has content of its own (${held.join(', ')})` }

  const req = await createLocalReq({}, payload)
  await inTransaction(req, async () => {
    const adminUser = await payload.create({
      collection: 'users',
      data: { email: admin.email, password: admin.password, name: 'Devlog Admin', roles: ['admin'] },
      req,
    })
    const tagIds = new Map<string, number | string>()
    for (const tag of demoTags) {
      const created = await payload.create({ collection: 'tags', data: tag, req })
      tagIds.set(tag.name, created.id)
    }
    for (const post of demoPosts) {
      await payload.create({
        collection: 'posts',
        data: {
          title: post.title,
          excerpt: post.excerpt,
          content: markdownToLexical(payload, 'posts', 'content', post.markdown) as never,
          tags: post.tags.map((name) => tagIds.get(name)) as never,
          authors: [adminUser.id],
          _status: 'published',
        },
        req,
      })
    }
    await seedStudyGroup(payload, req, adminUser.id)
    await seedRetrospectives(payload, req)
  })
  return { seeded: true, adminEmail: admin.email }
}

/**
 * A posting study with a cohort running when the demo is loaded (13 weekly sessions, the eighth due
 * this Sunday), its members, sessions and the submissions of the weeks gone by, so the roster board
 * and the dashboard's cohorts widget show a week in progress.
 */
async function seedStudyGroup(payload: Payload, req: PayloadRequest, operatorId: number) {
  const group = await payload.create({
    collection: 'study-groups',
    data: {
      name: '블로그 포스팅 스터디',
      kind: 'posting-study',
      status: 'active',
      operators: [operatorId],
      rules: POSTING_STUDY_RULES,
    },
    req,
  })
  const now = new Date()
  const thisMonday = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - ((now.getUTCDay() + 6) % 7))
  const monday = (weeksFromNow: number) =>
    new Date(thisMonday + weeksFromNow * 7 * 86_400_000).toISOString().slice(0, 10)
  const cohort = await payload.create({
    collection: 'cohorts',
    data: {
      group: group.id,
      label: '3기',
      number: 3,
      status: 'active',
      startDate: monday(-6),
      endDate: monday(6),
    },
    req,
  })
  const memberships = []
  for (const person of demoStudyMembers) {
    const member = await payload.create({ collection: 'members', data: person, req })
    memberships.push(
      await payload.create({
        collection: 'memberships',
        data: { member: member.id, cohort: cohort.id, role: 'member', status: 'active' },
        req,
      }),
    )
  }
  // Session generation is an operator's action: run it as the demo admin.
  await generateSessions(
    Object.assign(req, {
      user: { ...(await payload.findByID({ collection: 'users', id: operatorId, req })), collection: 'users' },
    }),
    cohort.id,
  )
  // A board worth looking at: most weeks posted on time, one late, a few missed; this week's post
  // from some members already, and nothing from the weeks ahead.
  const sessions = await payload.find({
    collection: 'study-sessions',
    where: { cohort: { equals: cohort.id } },
    sort: 'number',
    pagination: false,
    req,
  })
  for (const [m, membership] of memberships.entries()) {
    for (const session of sessions.docs) {
      if ((session.number + m) % 5 === 0 || !session.deadline) continue
      const deadline = new Date(session.deadline).getTime()
      const late = session.number === 2 && m === 1
      const submittedAt = Math.min(deadline + (late ? 3_600_000 : -86_400_000), now.getTime() - 60_000)
      // Early in a week, or later on for some: the weeks ahead are still to be written.
      if (deadline > now.getTime() && (deadline - now.getTime() > 7 * 86_400_000 || m === 2)) continue
      await payload.create({
        collection: 'submissions',
        data: {
          membership: membership.id,
          session: session.id,
          url: `${demoStudyMembers[m].blogUrl}/week-${session.number}`,
          title: `${session.number}주차 회고`,
          submittedAt: new Date(submittedAt).toISOString(),
        },
        req,
      })
    }
  }
}

async function seedRetrospectives(payload: Payload, req: PayloadRequest) {
  const areas = await payload.find({ collection: 'retrospective-areas', pagination: false, depth: 0, req })
  const areaId = (slug: string) => areas.docs.find((area) => area.slug === slug)?.id
  for (const retrospective of demoRetrospectives) {
    await payload.create({
      collection: 'retrospectives',
      data: {
        _status: 'published',
        language: retrospective.language as never,
        period: retrospective.period as never,
        sections: retrospective.sections.map((section) => ({
          heading: section.heading,
          area: areaId(section.area),
          body: markdownToLexical(payload, 'retrospectives', 'sections.body', section.markdown) as never,
        })),
        goals: retrospective.goals.map(({ area, ...goal }) => ({ ...goal, area: areaId(area) })) as never,
        principles: retrospective.principles.map((text) => ({ text })),
      },
      req,
    })
  }
}
