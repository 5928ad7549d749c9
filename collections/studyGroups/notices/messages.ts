import { DateTime } from 'luxon'

import type { NoticeLanguage } from './settings'

/**
 * What reminders, summaries and digests say, in the group's language. Pure: the planner fills in
 * the week and the people; times are on the group's clock.
 */
export type WeekContext = {
  groupName: string
  cohortLabel: string
  week: number
  deadline: Date
  timeZone: string
  language: NoticeLanguage
}

export type Message = { subject: string; text: string }

export type WeekOutcome = {
  onTime: string[]
  late: string[]
  missing: string[]
  passUsed: string[]
  inReview: string[]
  excused: string[]
  atRisk: string[]
  /** Fines for this week's misses, in the group's currency unit (KRW). */
  fines: number
}

const when = ({ deadline, timeZone, language }: WeekContext) =>
  DateTime.fromJSDate(deadline, { zone: timeZone })
    .setLocale(language)
    .toFormat(language === 'ko' ? 'M월 d일 (EEE) HH:mm' : 'EEE d MMM, HH:mm')

const week = (context: WeekContext) =>
  context.language === 'ko'
    ? `${context.groupName} ${context.cohortLabel} ${context.week}주차`
    : `${context.groupName} ${context.cohortLabel}, week ${context.week}`

const hours = (count: number, language: NoticeLanguage) =>
  language === 'ko' ? `${count}시간` : `${count} hour${count === 1 ? '' : 's'}`

const names = (people: string[], language: NoticeLanguage) =>
  people.length ? people.join(', ') : language === 'ko' ? '없음' : 'nobody'

const won = (amount: number, language: NoticeLanguage) =>
  language === 'ko' ? `${amount.toLocaleString('ko-KR')}원` : `${amount.toLocaleString('en-US')} KRW`

/** To one member who has not submitted yet. */
export function reminderToMember(context: WeekContext, name: string, hoursLeft: number): Message {
  const { language, timeZone } = context
  if (language === 'ko')
    return {
      subject: `[${week(context)}] 마감 ${hours(hoursLeft, language)} 전입니다`,
      text: [
        `${name}님, ${week(context)} 글 마감이 ${when(context)} (${timeZone})입니다.`,
        '아직 제출이 확인되지 않았어요. 블로그에 글을 올리면 피드에서 자동으로 확인되고, 직접 제출할 수도 있습니다.',
        '',
        '알림을 그만 받으려면 멤버 프로필에서 “마감 알림 받지 않기”를 선택해 주세요.',
      ].join('\n'),
    }
  return {
    subject: `[${week(context)}] ${hours(hoursLeft, language)} to the deadline`,
    text: [
      `${name}, the posts for ${week(context)} are due ${when(context)} (${timeZone}).`,
      'We have not seen yours yet. A post on your blog is picked up from its feed; you can also submit it yourself.',
      '',
      'To stop these reminders, tick “No deadline reminders” on your member profile.',
    ].join('\n'),
  }
}

/** To the group's channel: who has not submitted yet. */
export function reminderToChannel(context: WeekContext, waiting: string[], hoursLeft: number): Message {
  const { language, timeZone } = context
  const subject =
    language === 'ko'
      ? `⏰ ${week(context)} 마감까지 ${hours(hoursLeft, language)} (${when(context)}, ${timeZone})`
      : `⏰ ${hours(hoursLeft, language)} to the deadline of ${week(context)} (${when(context)}, ${timeZone})`
  const text =
    language === 'ko'
      ? `${subject}\n아직 제출하지 않은 분: ${names(waiting, language)}`
      : `${subject}\nNot submitted yet: ${names(waiting, language)}`
  return { subject, text }
}

/** To the operators, once the deadline has passed. */
export function summaryToOperators(context: WeekContext, outcome: WeekOutcome): Message {
  const { language } = context
  const submitted = outcome.onTime.length + outcome.late.length
  const lines =
    language === 'ko'
      ? [
          `제출 ${submitted}명 (지각 ${outcome.late.length}명${outcome.late.length ? `: ${names(outcome.late, language)}` : ''})`,
          `미제출 ${outcome.missing.length}명: ${names(outcome.missing, language)}`,
          `패스 사용 ${outcome.passUsed.length}명: ${names(outcome.passUsed, language)}`,
          `판단 대기 ${outcome.inReview.length}건: ${names(outcome.inReview, language)}`,
          `면제 ${outcome.excused.length}명`,
          `벌금 ${won(outcome.fines, language)}`,
          `위험: ${names(outcome.atRisk, language)}`,
        ]
      : [
          `Submitted: ${submitted} (late: ${outcome.late.length}${outcome.late.length ? `, ${names(outcome.late, language)}` : ''})`,
          `Missing: ${outcome.missing.length}, ${names(outcome.missing, language)}`,
          `Passes used: ${outcome.passUsed.length}, ${names(outcome.passUsed, language)}`,
          `Awaiting a decision: ${outcome.inReview.length}, ${names(outcome.inReview, language)}`,
          `Excused: ${outcome.excused.length}`,
          `Fines: ${won(outcome.fines, language)}`,
          `At risk: ${names(outcome.atRisk, language)}`,
        ]
  const subject = language === 'ko' ? `📋 ${week(context)} 마감 결과` : `📋 ${week(context)}: the deadline has passed`
  return { subject, text: [subject, ...lines.map((line) => `• ${line}`)].join('\n') }
}

export type DigestEntry = { title: string; url: string; author: string }

/** The digest post's title: "블로그 포스팅 스터디 3기 5주차 글 모음". */
export const digestTitle = (context: WeekContext) =>
  context.language === 'ko' ? `${week(context)} 글 모음` : `${week(context)}: the posts`

const escapeMarkdown = (text: string) => text.replace(/([\\`*_[\]()#<>|!])/g, '\\$1')

/** The digest post's body, as Markdown for the posts' editor. */
export function digestMarkdown(context: WeekContext, entries: DigestEntry[]): string {
  const intro =
    context.language === 'ko'
      ? `${week(context)}에 ${entries.length}명이 글을 올렸습니다.`
      : `${entries.length} ${entries.length === 1 ? 'member' : 'members'} posted for ${week(context)}.`
  const list = entries.map(
    (entry) =>
      `- [${escapeMarkdown(entry.title || entry.url)}](${entry.url.replace(/[()\s]/g, encodeURIComponent)}) — ${escapeMarkdown(entry.author)}`,
  )
  return [escapeMarkdown(intro), '', ...list].join('\n')
}
