import type { Payload } from 'payload'

import { POSTING_STUDY_RULES } from '../../src/seed/demoContent'
import { createUser } from './payload'

type Id = number | string

/**
 * A posting study as the blog-posting community runs it (POSTING_STUDY_RULES): weekly sessions on
 * Mondays 20:00 Seoul, posts due the Sunday before at 23:59:59, two passes, a 5,000 won fine per miss.
 */
export async function createPostingStudy(
  payload: Payload,
  { name = '블로그 포스팅 스터디', members = 3, weeks = 4, start = '2026-03-02' } = {},
) {
  const operator = await createUser(payload, ['operator'])
  const group = await payload.create({
    collection: 'study-groups',
    data: {
      name,
      kind: 'posting-study',
      status: 'active',
      operators: [operator.id],
      rules: POSTING_STUDY_RULES,
    },
  })
  // `start` should be a Monday (2026-03-02 and 2027-03-01 are); the cohort lasts `weeks` weeks.
  const endDate = new Date(Date.parse(start) + (weeks - 1) * 7 * 86_400_000).toISOString().slice(0, 10)
  const cohort = await payload.create({
    collection: 'cohorts',
    data: { group: group.id, label: '3기', number: 3, status: 'active', startDate: start, endDate },
  })
  const people = []
  for (let index = 0; index < members; index++) {
    const user = await createUser(payload, ['member'])
    const member = await payload.create({
      collection: 'members',
      data: {
        displayName: `참여자${index + 1}`,
        handle: `${name.length}-member-${index + 1}-${cohort.id}`,
        email: `m${index + 1}-${cohort.id}@study.test`,
        user: user.id,
      },
    })
    const membership = await payload.create({
      collection: 'memberships',
      data: { member: member.id, cohort: cohort.id, role: 'member', status: 'active' },
    })
    people.push({ user, member, membership })
  }
  return { operator, group, cohort, people }
}

export const idOf = (value: unknown): Id =>
  typeof value === 'object' && value !== null ? (value as { id: Id }).id : (value as Id)
