/**
 * One member's feed cannot hold the poller up or stop it (issue #36): a whole archive is read as
 * its newest items, an item whose link is no web address is no submission and does not stop the
 * newer ones from counting, poll after poll.
 */
import { createLocalReq, type Payload } from 'payload'

import { pollMemberFeeds, type FeedPollSettings } from '../../collections/studyGroups/feeds/poll'
import { generateSessions } from '../../collections/studyGroups/roster/sessions'
import { rss, startFeedServer, type FeedServer, type Item } from '../helpers/feedServer'
import { databaseKinds, startTestPayload, type TestPayload } from '../helpers/payload'
import { createPostingStudy, idOf } from '../helpers/studyGroups'

describe.each(databaseKinds())('a member feed’s limits on %s', (kind) => {
  let context: TestPayload
  let payload: Payload
  let feeds: FeedServer
  let study: Awaited<ReturnType<typeof createPostingStudy>>
  const settings: FeedPollSettings = {
    timeoutMs: 5_000,
    maxBytes: 5_000_000,
    hostPaceMs: 0,
    backdateGraceMinutes: 90,
    allowPrivateHosts: ['127.0.0.1'],
  }
  const seoul = (local: string) => new Date(`${local}+09:00`)
  const poll = (at: string) => pollMemberFeeds(payload, settings, { now: () => seoul(at) })
  const submissions = async () =>
    (
      await payload.find({
        collection: 'submissions',
        where: { membership: { equals: study.people[0].membership.id } },
        sort: 'submittedAt',
        depth: 0,
      })
    ).docs.map((submission) => submission.url)

  beforeAll(async () => {
    context = await startTestPayload(kind)
    payload = context.payload
    feeds = await startFeedServer()
    study = await createPostingStudy(payload, { name: '한계', members: 1, weeks: 3, start: '2027-03-01' })
    await generateSessions(await createLocalReq({ user: study.operator as never }, payload), study.cohort.id)
    await payload.update({
      collection: 'members',
      id: idOf(study.people[0].member),
      data: { feedUrl: feeds.url('/archive.xml') },
    })
  })

  afterAll(async () => {
    await feeds?.close()
    await context?.close()
  })

  it('reads an archive of 1,500 items as its newest 100, and a javascript: link as no link', async () => {
    const archive: Item[] = Array.from({ length: 1_500 }, (_, index) => ({
      title: `보관된 글 ${index}`,
      link: `https://old.example.dev/${index}`,
      date: new Date(Date.parse('2020-01-01T00:00:00Z') + index * 86_400_000).toISOString(),
    }))
    const week1: Item = {
      title: '1주차 글',
      link: 'https://blog.example.dev/week-1',
      date: '2027-03-03T21:00:00+09:00',
    }
    const hostile: Item = {
      title: '링크가 이상한 글',
      link: 'javascript:alert(1)',
      date: '2027-03-04T21:00:00+09:00',
      guid: 'hostile',
    }
    feeds.set('/archive.xml', { body: rss('archive', [hostile, week1, ...archive.reverse()]) })

    const first = await poll('2027-03-05T12:00:00')
    expect(first.checks[0]).toMatchObject({ result: 'updated', newItems: 100 })
    expect(await submissions()).toEqual(['https://blog.example.dev/week-1'])

    // Later polls go on: next week's post counts although the odd item is still in the feed.
    const week2: Item = {
      title: '2주차 글',
      link: 'https://blog.example.dev/week-2',
      date: '2027-03-10T21:00:00+09:00',
    }
    feeds.set('/archive.xml', { body: rss('archive', [week2, hostile, week1, ...archive]) })
    const second = await poll('2027-03-11T12:00:00')
    expect(second.checks[0]).toMatchObject({ result: 'updated', newItems: 1 })
    expect(second.failed).toBe(0)
    expect(await submissions()).toEqual(['https://blog.example.dev/week-1', 'https://blog.example.dev/week-2'])
  })
})
