import type { Payload } from 'payload'

import { createUser, databaseKinds, startTestPayload, type TestPayload } from '../helpers/payload'
import { createPostingStudy } from '../helpers/studyGroups'

type Actor = 'anonymous' | 'member' | 'own operator' | 'other operator' | 'admin'
type Operation = 'create' | 'update' | 'delete'
type Collection = 'cohorts' | 'memberships' | 'study-sessions' | 'submissions'

const ACTORS: Actor[] = ['anonymous', 'member', 'own operator', 'other operator', 'admin']
const managers = new Set<Actor>(['own operator', 'admin'])

/** Who may write a group's roster rows. Members write only their own submissions (tested apart). */
const allowed = (collection: Collection, actor: Actor, operation: Operation) =>
  managers.has(actor) || (collection === 'submissions' && actor === 'member' && operation !== 'delete')

describe.each(databaseKinds())('roster access matrix on %s', (kind) => {
  let ctx: TestPayload
  let payload: Payload
  let study: Awaited<ReturnType<typeof createPostingStudy>>
  let actors: Record<Exclude<Actor, 'anonymous'>, unknown>
  let otherSession: { id: number | string }

  beforeAll(async () => {
    ctx = await startTestPayload(kind)
    payload = ctx.payload
    // The cohort is still ahead, so the member may write their submissions.
    study = await createPostingStudy(payload, { name: '접근 매트릭스', members: 1, weeks: 3, start: '2027-03-01' })
    const other = await createPostingStudy(payload, { name: '다른 그룹', members: 0, weeks: 1 })
    actors = {
      member: study.people[0].user,
      'own operator': study.operator,
      'other operator': other.operator,
      admin: await createUser(payload, ['admin']),
    }
    for (const number of [1, 2, 3]) {
      await payload.create({
        collection: 'study-sessions',
        data: { cohort: study.cohort.id, number, date: `2027-03-0${number}T11:00:00.000Z` } as never,
      })
    }
    otherSession = await payload.create({
      collection: 'study-sessions',
      data: { cohort: other.cohort.id, number: 1, date: '2026-03-02T11:00:00.000Z' } as never,
    })
  })
  afterAll(async () => {
    await ctx?.close()
  })

  let counter = 0
  const sessionNumber = () => 10 + ++counter
  const sessionFor = async () =>
    payload.create({
      collection: 'study-sessions',
      data: { cohort: study.cohort.id, number: sessionNumber(), date: '2027-03-10T11:00:00.000Z' } as never,
    })

  /** A fresh row of the collection in the study's cohort, created by the system. */
  const seed = async (collection: Collection) => {
    if (collection === 'cohorts')
      return payload.create({
        collection,
        data: {
          group: study.group.id,
          label: `c${++counter}`,
          startDate: '2027-01-01',
          endDate: '2027-02-01',
        } as never,
      })
    if (collection === 'study-sessions') return sessionFor()
    if (collection === 'memberships') {
      const member = await payload.create({ collection: 'members', data: { displayName: `row ${++counter}` } as never })
      return payload.create({ collection, data: { member: member.id, cohort: study.cohort.id } as never })
    }
    const session = await sessionFor()
    return payload.create({
      collection,
      data: {
        membership: study.people[0].membership.id,
        session: session.id,
        url: 'https://seed.example.com',
      } as never,
    })
  }
  const createData = async (collection: Collection) => {
    if (collection === 'cohorts')
      return { group: study.group.id, label: 'new', startDate: '2027-01-01', endDate: '2027-02-01' }
    if (collection === 'study-sessions')
      return { cohort: study.cohort.id, number: sessionNumber(), date: '2027-04-01T11:00:00.000Z' }
    if (collection === 'memberships') {
      // Someone the group's operator reaches (added by them): an operator enrols no one else.
      const member = await payload.create({
        collection: 'members',
        data: { displayName: `new ${++counter}`, createdBy: study.operator.id } as never,
      })
      return { member: member.id, cohort: study.cohort.id }
    }
    return {
      membership: study.people[0].membership.id,
      session: (await sessionFor()).id,
      url: 'https://new.example.com',
    }
  }
  const updateData: Record<Collection, Record<string, unknown>> = {
    cohorts: { label: 'renamed' },
    memberships: { role: 'leader' },
    'study-sessions': { topic: 'renamed' },
    submissions: { title: 'renamed' },
  }

  const attempt = async (collection: Collection, actor: Actor, operation: Operation) => {
    const as = { user: actor === 'anonymous' ? undefined : actors[actor], overrideAccess: false } as const
    try {
      if (operation === 'create')
        await payload.create({ collection, data: (await createData(collection)) as never, ...as })
      else {
        const row = await seed(collection)
        if (operation === 'update')
          await payload.update({ collection, id: row.id, data: updateData[collection] as never, ...as })
        else await payload.delete({ collection, id: row.id, ...as })
      }
      return true
    } catch (error) {
      if ((error as { status?: number }).status === 403) return false
      throw error
    }
  }

  for (const collection of ['cohorts', 'memberships', 'study-sessions', 'submissions'] as const) {
    for (const actor of ACTORS) {
      for (const operation of ['create', 'update', 'delete'] as const) {
        const expected = allowed(collection, actor, operation)
        it(`${collection}: ${actor} ${expected ? 'may' : 'may not'} ${operation}`, async () => {
          expect(await attempt(collection, actor, operation)).toBe(expected)
        })
      }
    }
  }

  it('refuses a submission that mixes a membership and a session of different cohorts', async () => {
    await expect(
      payload.create({
        collection: 'submissions',
        data: {
          membership: study.people[0].membership.id,
          session: otherSession.id,
          url: 'https://x.example.com',
        } as never,
      }),
    ).rejects.toMatchObject({ status: 400, data: { errors: [expect.objectContaining({ path: 'session' })] } })
  })
})
