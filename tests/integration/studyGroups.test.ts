import ICAL from 'ical.js'
import { DateTime } from 'luxon'
import { createLocalReq, type Payload } from 'payload'

import { buildBoard } from '../../collections/studyGroups/roster/board'
import { rosterCsv, sessionsIcs, statusCsv } from '../../collections/studyGroups/roster/exports'
import { importRoster } from '../../collections/studyGroups/roster/importRoster'
import { membershipStatus, publicRoster, weeklySubmissions } from '../../collections/studyGroups/roster/public'
import { generateSessions } from '../../collections/studyGroups/roster/sessions'
import { submitWork } from '../../collections/studyGroups/roster/submit'
import { createUser, databaseKinds, restRequest, startTestPayload, type TestPayload } from '../helpers/payload'
import { createPostingStudy, idOf } from '../helpers/studyGroups'

// Members may submit only while their cohort runs: these cohorts are still ahead.
const FUTURE_MONDAY = '2027-03-01'

describe.each(databaseKinds())('study groups on %s', (kind) => {
  let ctx: TestPayload
  let payload: Payload
  let admin: Awaited<ReturnType<typeof createUser>>
  const reqAs = (user: unknown) => createLocalReq({ user: user as never }, payload)

  beforeAll(async () => {
    ctx = await startTestPayload(kind)
    payload = ctx.payload
    admin = await createUser(payload, ['admin'])
  })
  afterAll(async () => {
    await ctx?.close()
  })

  describe('sessions and deadlines', () => {
    it('generates the cohort’s weekly sessions with Sunday-night deadlines in Seoul, once', async () => {
      const { cohort, operator } = await createPostingStudy(payload, { name: '세션 생성', members: 0, weeks: 4 })
      const result = await generateSessions(await reqAs(operator), cohort.id)
      expect(result).toEqual({ created: 4, kept: 0, total: 4 })
      const { docs } = await payload.find({
        collection: 'study-sessions',
        where: { cohort: { equals: cohort.id } },
        sort: 'number',
      })
      expect(docs.map((session) => session.number)).toEqual([1, 2, 3, 4])
      // Monday 20:00 KST = 11:00 UTC; the deadline is Sunday 23:59:59 KST = 14:59:59 UTC.
      expect(docs[0].date).toBe('2026-03-02T11:00:00.000Z')
      expect(docs[0].deadline).toBe('2026-03-01T14:59:59.000Z')
      expect(docs[3].date).toBe('2026-03-23T11:00:00.000Z')
      expect(await generateSessions(await reqAs(operator), cohort.id)).toEqual({ created: 0, kept: 4, total: 4 })
    })
  })

  describe('one row per pair', () => {
    it('refuses a second membership, session week or submission with a message on the field a person changes', async () => {
      const { cohort, operator, people } = await createPostingStudy(payload, { name: '한 쌍', members: 1, weeks: 1 })
      await generateSessions(await reqAs(operator), cohort.id)
      const [session] = (await payload.find({ collection: 'study-sessions', where: { cohort: { equals: cohort.id } } }))
        .docs
      await payload.create({
        collection: 'submissions',
        data: {
          membership: people[0].membership.id,
          session: session.id,
          url: 'https://blog.test/1',
          submittedAt: new Date().toISOString(),
        },
        overrideAccess: true,
      })
      const refusals = [
        {
          collection: 'memberships' as const,
          data: { member: people[0].member.id, cohort: cohort.id },
          path: 'member',
          korean: '이 참여자는 이미 이 기수에 있습니다.',
        },
        {
          collection: 'study-sessions' as const,
          data: { cohort: cohort.id, number: 1, date: '2026-03-09T11:00:00.000Z' },
          path: 'number',
          korean: '이 기수에는 이미 이 주차의 세션이 있습니다.',
        },
        {
          collection: 'submissions' as const,
          data: { membership: people[0].membership.id, session: session.id, url: 'https://blog.test/2' },
          path: 'session',
          korean: '이 참여자는 이 세션에 이미 제출했습니다.',
        },
      ]
      const { token } = await payload.login({
        collection: 'users',
        data: { email: admin.email, password: 'test-password-1' },
      })
      for (const { collection, data, path, korean } of refusals) {
        const { status, body } = await restRequest(ctx, `/${collection}`, {
          method: 'POST',
          body: data,
          token,
          headers: { 'accept-language': 'ko' },
        })
        expect({ collection, status, errors: (body as any).errors?.[0]?.data?.errors }).toEqual({
          collection,
          status: 400,
          errors: [{ path, message: korean }],
        })
      }
      expect(
        (await payload.count({ collection: 'submissions', where: { session: { equals: session.id } } })).totalDocs,
      ).toBe(1)
    })
  })

  describe('submissions', () => {
    it('stores one submission per membership and session: a second one updates the first', async () => {
      const { cohort, operator, people } = await createPostingStudy(payload, {
        name: '중복 제출',
        members: 1,
        weeks: 2,
        start: FUTURE_MONDAY,
      })
      await generateSessions(await reqAs(operator), cohort.id)
      const session = (
        await payload.find({ collection: 'study-sessions', where: { cohort: { equals: cohort.id } }, sort: 'number' })
      ).docs[0]
      const memberReq = await reqAs(people[0].user)
      const first = await submitWork(memberReq, {
        session: session.id,
        url: 'https://blog.example.com/1',
        title: '첫 글',
      })
      expect(first.created).toBe(true)
      const second = await submitWork(await reqAs(people[0].user), {
        session: session.id,
        url: 'https://blog.example.com/1-fixed',
      })
      expect(second).toMatchObject({
        created: false,
        doc: { id: first.doc.id, url: 'https://blog.example.com/1-fixed', title: '첫 글' },
      })
      const { totalDocs } = await payload.count({
        collection: 'submissions',
        where: { membership: { equals: people[0].membership.id } },
      })
      expect(totalDocs).toBe(1)
      await expect(
        payload.create({
          collection: 'submissions',
          data: { membership: people[0].membership.id, session: session.id, url: 'https://x.example.com' } as never,
        }),
      ).rejects.toThrow()
    })

    it('stores every one of 100 members’ simultaneous submissions exactly once', async () => {
      const { cohort, operator, people } = await createPostingStudy(payload, {
        name: '동시 제출',
        members: 100,
        weeks: 1,
        start: FUTURE_MONDAY,
      })
      await generateSessions(await reqAs(operator), cohort.id)
      const session = (await payload.find({ collection: 'study-sessions', where: { cohort: { equals: cohort.id } } }))
        .docs[0]
      const results = await Promise.allSettled(
        people.flatMap((person, index) => [
          reqAs(person.user).then((req) =>
            submitWork(req, { session: session.id, url: `https://blog.example.com/${index}` }),
          ),
          // The same member's second device, at the same moment.
          ...(index % 10 === 0
            ? [
                reqAs(person.user).then((req) =>
                  submitWork(req, { session: session.id, url: `https://blog.example.com/${index}-again` }),
                ),
              ]
            : []),
        ]),
      )
      expect(results.filter((result) => result.status === 'rejected')).toEqual([])
      const stored = await payload.find({
        collection: 'submissions',
        where: { session: { equals: session.id } },
        pagination: false,
        depth: 0,
      })
      expect(stored.docs).toHaveLength(100)
      expect(new Set(stored.docs.map((doc) => String(idOf(doc.membership)))).size).toBe(100)
    })

    it('refuses a member writing for someone else, and after the cohort has ended', async () => {
      const { cohort, operator, people } = await createPostingStudy(payload, {
        name: '권한 제출',
        members: 2,
        weeks: 1,
        start: FUTURE_MONDAY,
      })
      await generateSessions(await reqAs(operator), cohort.id)
      const session = (await payload.find({ collection: 'study-sessions', where: { cohort: { equals: cohort.id } } }))
        .docs[0]
      await expect(
        submitWork(await reqAs(people[0].user), {
          session: session.id,
          membership: people[1].membership.id,
          url: 'https://x.example.com',
        }),
      ).rejects.toMatchObject({
        status: 403,
      })
      await payload.update({
        collection: 'cohorts',
        id: cohort.id,
        data: { startDate: '2020-01-01', endDate: '2020-02-01' },
      })
      await expect(
        submitWork(await reqAs(people[0].user), { session: session.id, url: 'https://x.example.com' }),
      ).rejects.toMatchObject({ status: 403 })
    })
  })

  describe('statuses, passes and fines', () => {
    it('computes each cell and each member’s totals from the deadline in Seoul', async () => {
      const { cohort, operator, people } = await createPostingStudy(payload, {
        name: '현황 계산',
        members: 3,
        weeks: 4,
      })
      await generateSessions(await reqAs(operator), cohort.id)
      const sessions = (
        await payload.find({ collection: 'study-sessions', where: { cohort: { equals: cohort.id } }, sort: 'number' })
      ).docs
      const submit = (person: number, week: number, submittedAt: string) =>
        payload.create({
          collection: 'submissions',
          data: {
            membership: people[person].membership.id,
            session: sessions[week].id,
            url: `https://b.example.com/${person}/${week}`,
            submittedAt,
          },
        })
      // Week 1 deadline: Sunday 2026-03-01 23:59:59 KST.
      await submit(0, 0, '2026-03-01T14:59:59.000Z') // 23:59:59 KST: on time
      await submit(1, 0, '2026-03-01T15:00:00.000Z') // 00:00:00 KST Monday: late
      await submit(0, 1, '2026-03-08T10:00:00.000Z')
      await payload.update({
        collection: 'study-sessions',
        id: sessions[1].id,
        data: { attendance: [{ membership: people[1].membership.id, status: 'excused' }] },
      })

      const board = await buildBoard(await reqAs(operator), cohort.id, { now: new Date('2026-03-20T00:00:00.000Z') })
      const byName = Object.fromEntries(board.rows.map((row) => [row.member.displayName, row]))
      expect(byName['참여자1'].summary.cells.map((cell) => cell.submission)).toEqual([
        'on-time',
        'on-time',
        'pass-used',
        'pending',
      ])
      expect(byName['참여자2'].summary.cells.map((cell) => cell.submission)).toEqual([
        'late',
        'excused',
        'pass-used',
        'pending',
      ])
      expect(byName['참여자3'].summary.cells.map((cell) => cell.submission)).toEqual([
        'pass-used',
        'pass-used',
        'missing',
        'pending',
      ])
      expect(byName['참여자3'].summary).toMatchObject({ passesLeft: 0, finesOwed: 5000, atRisk: false })
      expect(byName['참여자1'].submissions[String(sessions[0].id)]).toMatchObject({ url: 'https://b.example.com/0/0' })
      expect(board.weeks[0]).toMatchObject({ number: 1, submissionRate: 0.667 })
    })
  })

  describe('roster import', () => {
    const csv = [
      'name,handle,email,blogUrl,role',
      '김하나,hana,hana@study.test,https://hana.dev,member',
      '이둘,dul,dul@study.test,,leader',
    ].join('\n')

    it('reports a dry run without writing, then applies everything', async () => {
      const { cohort, operator } = await createPostingStudy(payload, { name: '가져오기', members: 0 })
      const before = await payload.count({ collection: 'members' })
      const dry = await importRoster(await reqAs(operator), cohort.id, csv, true)
      expect(dry).toMatchObject({ dryRun: true, applied: false, errors: [], counts: { create: 2, update: 0 } })
      expect((await payload.count({ collection: 'members' })).totalDocs).toBe(before.totalDocs)
      const applied = await importRoster(await reqAs(operator), cohort.id, csv, false)
      expect(applied).toMatchObject({ applied: true })
      const memberships = await payload.find({
        collection: 'memberships',
        where: { cohort: { equals: cohort.id } },
        depth: 1,
      })
      expect(
        memberships.docs
          .map((membership) => [
            typeof membership.member === 'object' && membership.member.displayName,
            membership.role,
          ])
          .sort(),
      ).toEqual([
        ['김하나', 'member'],
        ['이둘', 'leader'],
      ])
      const again = await importRoster(
        await reqAs(operator),
        cohort.id,
        csv.replace('dul@study.test,,leader', 'dul@study.test,,member'),
        true,
      )
      expect(again.counts).toEqual({ create: 0, update: 2, unchanged: 1 })
    })

    it('lists every bad row with its reason and applies nothing while any row is bad', async () => {
      const { cohort, operator } = await createPostingStudy(payload, { name: '잘못된 행', members: 0 })
      const bad = [
        'name,handle,email,blogUrl,role',
        '정상,good-one,good@study.test,,member',
        ',nameless,nameless@study.test,,member',
        '메일오류,bad-mail,not-an-email,,member',
        '역할오류,bad-role,role@study.test,,captain',
        '중복,dup,good@study.test,,member',
      ].join('\n')
      const before = await payload.count({ collection: 'members' })
      const report = await importRoster(await reqAs(operator), cohort.id, bad, false)
      expect(report.applied).toBe(false)
      expect(report.errors).toEqual([
        { line: 3, reason: 'name is empty' },
        { line: 4, reason: 'email "not-an-email" is not an email address' },
        { line: 5, reason: 'role "captain" is not one of organizer, operator, leader, member' },
        { line: 6, reason: 'email repeats line 2' },
      ])
      expect((await payload.count({ collection: 'members' })).totalDocs).toBe(before.totalDocs)
    })
  })

  describe('exports and front-end views', () => {
    it('exports the roster and status grid as CSV and the sessions as iCalendar', async () => {
      const { cohort, operator, people } = await createPostingStudy(payload, { name: '내보내기', members: 2, weeks: 2 })
      await generateSessions(await reqAs(operator), cohort.id)
      const roster = await rosterCsv(await reqAs(operator), cohort.id)
      expect(roster.replace(/^\uFEFF/, '').split('\n')[0]).toBe('name,handle,email,blogUrl,github,role,status,joinedAt')
      expect(roster).toContain(`참여자1,${people[0].member.handle},${people[0].member.email}`)
      const status = await statusCsv(await reqAs(operator), cohort.id)
      expect(status.replace(/^\uFEFF/, '').split('\n')[0]).toBe(
        'name,handle,role,status,W1,W2,onTime,late,missing,passUsed,excused,passesLeft,finesOwed,attendanceRate,atRisk',
      )
      const ics = await sessionsIcs(await reqAs(null), cohort.id)
      expect(ics).toMatch(/^BEGIN:VCALENDAR/)
      expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2)
      expect(ics).toContain('SUMMARY:내보내기 3기 #1')
    })

    it('writes sessions as instants calendar apps show at the group’s local time (read by an independent iCalendar parser)', async () => {
      const { cohort, operator } = await createPostingStudy(payload, { name: '달력', members: 1, weeks: 3 })
      await generateSessions(await reqAs(operator), cohort.id)
      const sessions = await payload.find({
        collection: 'study-sessions',
        where: { cohort: { equals: cohort.id } },
        sort: 'number',
        pagination: false,
      })
      const ics = await sessionsIcs(await reqAs(null), cohort.id)
      // Stamps in UTC; no floating time (one without `Z` or `TZID` shows in the reader's own zone).
      expect(ics.match(/^DTSTAMP:.*$/gm)?.every((line) => /^DTSTAMP:\d{8}T\d{6}Z\r?$/.test(line))).toBe(true)
      expect(ics).not.toMatch(/^DT(START|END):\d{8}T\d{6}\r?$/m)
      expect(ics).toMatch(/^X-WR-TIMEZONE:Asia\/Seoul\r?$/m)

      const calendar = new ICAL.Component(ICAL.parse(ics))
      for (const zone of calendar.getAllSubcomponents('vtimezone'))
        ICAL.TimezoneService.register(new ICAL.Timezone(zone))
      const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component))
      expect(events).toHaveLength(sessions.docs.length)
      events.forEach((event, index) => {
        expect(['UTC', 'Asia/Seoul']).toContain(event.startDate.zone?.tzid)
        const start = event.startDate.toJSDate()
        expect(start.toISOString()).toBe(new Date(sessions.docs[index].date).toISOString())
        // Mondays at 20:00 in Seoul (POSTING_STUDY_RULES), two hours long.
        expect(DateTime.fromJSDate(start).setZone('Asia/Seoul').toFormat('ccc HH:mm')).toBe('Mon 20:00')
        expect(event.endDate.toJSDate().getTime() - start.getTime()).toBe(2 * 3_600_000)
      })
      expect(events[0].description).toMatch(/Submission deadline: \d{4}-\d{2}-\d{2} 23:59 \(Asia\/Seoul\)/)

      // A line break in the group's name is text, not properties of its own; long lines are folded.
      const name = `달력\r\nBEGIN:VEVENT\r\nSUMMARY:끼어든 일정\r\nEND:VEVENT; ${'아주 긴 이름 '.repeat(8)}`
      const group = (await payload.findByID({ collection: 'cohorts', id: cohort.id, depth: 0 })).group
      await payload.update({ collection: 'study-groups', id: group as number, data: { name } })
      const injected = await sessionsIcs(await reqAs(null), cohort.id)
      const parsed = new ICAL.Component(ICAL.parse(injected))
      expect(parsed.getAllSubcomponents('vevent')).toHaveLength(sessions.docs.length)
      // ical.js has no type for the calendar's NAME (RFC 7986): read as the TEXT it is.
      const calendarName = ICAL.design.icalendar.value.text.fromICAL!(String(parsed.getFirstPropertyValue('name')))
      expect(calendarName).toBe(`${name.replaceAll('\r\n', '\n')} ${cohort.label}`)
      expect(injected.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true)
    })

    it('shows public fields only on the public roster and weekly submissions', async () => {
      const { cohort, operator, people } = await createPostingStudy(payload, {
        name: '공개 명단',
        members: 2,
        weeks: 2,
        start: FUTURE_MONDAY,
      })
      await generateSessions(await reqAs(operator), cohort.id)
      const session = (
        await payload.find({ collection: 'study-sessions', where: { cohort: { equals: cohort.id } }, sort: 'number' })
      ).docs[0]
      await submitWork(await reqAs(people[0].user), {
        session: session.id,
        url: 'https://blog.example.com/week1',
        title: '1주차 글',
      })
      const roster = await publicRoster(await reqAs(null), cohort.id)
      expect(roster.members).toHaveLength(2)
      expect(JSON.stringify(roster)).not.toContain('@study.test')
      const week = await weeklySubmissions(await reqAs(null), cohort.id, 1)
      expect(week.submissions).toEqual([
        expect.objectContaining({ title: '1주차 글', member: expect.objectContaining({ displayName: '참여자1' }) }),
      ])
      expect(JSON.stringify(week)).not.toContain('@study.test')
    })

    it('lets a member read their own status but not someone else’s', async () => {
      const { cohort, operator, people } = await createPostingStudy(payload, { name: '내 현황', members: 2, weeks: 1 })
      await generateSessions(await reqAs(operator), cohort.id)
      const own = await membershipStatus(await reqAs(people[0].user), people[0].membership.id)
      expect(own.row).toMatchObject({
        membershipId: people[0].membership.id,
        summary: { passesLeft: expect.any(Number) },
      })
      await expect(membershipStatus(await reqAs(people[1].user), people[0].membership.id)).rejects.toMatchObject({
        status: 403,
      })
    })
  })

  describe('access', () => {
    it('keeps an operator of one group away from another group’s roster', async () => {
      const mine = await createPostingStudy(payload, { name: '내 스터디', members: 1, weeks: 1 })
      const theirs = await createPostingStudy(payload, { name: '남의 스터디', members: 1, weeks: 1 })
      const as = { user: mine.operator, overrideAccess: false } as const
      await expect(
        payload.update({ collection: 'cohorts', id: theirs.cohort.id, data: { label: 'x' }, ...as }),
      ).rejects.toMatchObject({ status: 403 })
      await expect(
        payload.create({
          collection: 'cohorts',
          data: { group: theirs.group.id, label: 'x', startDate: '2026-01-01', endDate: '2026-02-01' } as never,
          ...as,
        }),
      ).rejects.toMatchObject({
        status: 403,
      })
      await expect(
        payload.update({
          collection: 'memberships',
          id: theirs.people[0].membership.id,
          data: { role: 'leader' },
          ...as,
        }),
      ).rejects.toMatchObject({ status: 403 })
      await expect(
        payload.delete({ collection: 'memberships', id: theirs.people[0].membership.id, ...as }),
      ).rejects.toMatchObject({ status: 403 })
      await expect(buildBoard(await reqAs(mine.operator), theirs.cohort.id)).rejects.toMatchObject({ status: 403 })
      await expect(
        importRoster(await reqAs(mine.operator), theirs.cohort.id, 'name,email\nx,x@x.test', true),
      ).rejects.toMatchObject({ status: 403 })
      const updated = await payload.update({ collection: 'cohorts', id: mine.cohort.id, data: { label: '4기' }, ...as })
      expect(updated.label).toBe('4기')
    })

    it('hides emails, phones, deposits and fines from anonymous readers and other members', async () => {
      const { group, people } = await createPostingStudy(payload, { name: '비공개 필드', members: 2, weeks: 1 })
      await payload.update({ collection: 'members', id: people[0].member.id, data: { phone: '010-1234-5678' } })
      const anonymousMember = await payload.findByID({
        collection: 'members',
        id: people[0].member.id,
        overrideAccess: false,
      })
      expect(anonymousMember).toMatchObject({ displayName: '참여자1' })
      expect(anonymousMember.email).toBeUndefined()
      expect(anonymousMember.phone).toBeUndefined()
      const asOtherMember = await payload.findByID({
        collection: 'members',
        id: people[0].member.id,
        overrideAccess: false,
        user: people[1].user,
      })
      expect(asOtherMember.email).toBeUndefined()
      const asSelf = await payload.findByID({
        collection: 'members',
        id: people[0].member.id,
        overrideAccess: false,
        user: people[0].user,
      })
      expect(asSelf).toMatchObject({ email: people[0].member.email, phone: '010-1234-5678' })
      const anonymousGroup = await payload.findByID({ collection: 'study-groups', id: group.id, overrideAccess: false })
      expect(anonymousGroup.rules?.deposit).toBeUndefined()
      expect(anonymousGroup.rules?.finePerMiss).toBeUndefined()
      expect(anonymousGroup.rules?.passesPerMember).toBe(2)
    })

    it('lets operators create sub-studies only under programs they operate', async () => {
      const operator = await createUser(payload, ['operator'])
      const program = await payload.create({
        collection: 'study-groups',
        data: { name: '월간-CS', kind: 'program', operators: [operator.id] } as never,
      })
      const other = await payload.create({
        collection: 'study-groups',
        data: { name: '다른 프로그램', kind: 'program' } as never,
      })
      const as = { user: operator, overrideAccess: false } as const
      const sub = await payload.create({
        collection: 'study-groups',
        data: { name: '운영체제 스터디', kind: 'topic-study', parent: program.id } as never,
        ...as,
      })
      expect(idOf(sub.parent)).toBe(program.id)
      await expect(
        payload.create({
          collection: 'study-groups',
          data: { name: '남의 하위', kind: 'topic-study', parent: other.id } as never,
          ...as,
        }),
      ).rejects.toMatchObject({ status: 403 })
      await expect(
        payload.create({ collection: 'study-groups', data: { name: '최상위', kind: 'program' } as never, ...as }),
      ).rejects.toMatchObject({ status: 403 })
      // The sub-study's cohorts are the program operator's to run.
      const cohort = await payload.create({
        collection: 'cohorts',
        data: { group: sub.id, label: '2026', startDate: '2026-01-01', endDate: '2026-03-01' } as never,
        ...as,
      })
      expect(cohort.label).toBe('2026')
      void admin
    })

    it('leaves who operates a group and its money rules to admins', async () => {
      const operator = await createUser(payload, ['operator'])
      const friend = await createUser(payload, ['operator'])
      const group = await payload.create({
        collection: 'study-groups',
        data: {
          name: '돈 규칙',
          kind: 'posting-study',
          operators: [operator.id],
          rules: { deposit: 50_000, finePerMiss: 5_000 },
        } as never,
      })
      const tokenOf = async (email: string) =>
        (await payload.login({ collection: 'users', data: { email, password: 'test-password-1' } })).token!
      const change = async (email: string, data: Record<string, unknown>) =>
        restRequest(ctx, `/study-groups/${group.id}`, { method: 'PATCH', body: data, token: await tokenOf(email) })

      const byOperator = await change(operator.email, {
        description: '운영자가 고친 소개',
        operators: [operator.id, friend.id],
        rules: { deposit: 0, finePerMiss: 0 },
      })
      expect(byOperator.status).toBe(200)
      const stored = await payload.findByID({ collection: 'study-groups', id: group.id, depth: 0 })
      expect(stored).toMatchObject({
        description: '운영자가 고친 소개',
        rules: { deposit: 50_000, finePerMiss: 5_000 },
      })
      expect(stored.operators).toEqual([operator.id])
      // Nor can an operator take themselves off and leave the group unstaffed.
      await change(operator.email, { operators: [] })
      expect((await payload.findByID({ collection: 'study-groups', id: group.id, depth: 0 })).operators).toEqual([
        operator.id,
      ])

      const byAdmin = await change(admin.email, {
        operators: [operator.id, friend.id],
        rules: { deposit: 0 },
      })
      expect(byAdmin.status).toBe(200)
      expect(await payload.findByID({ collection: 'study-groups', id: group.id, depth: 0 })).toMatchObject({
        operators: [operator.id, friend.id],
        rules: { deposit: 0 },
      })
    })
  })
})
