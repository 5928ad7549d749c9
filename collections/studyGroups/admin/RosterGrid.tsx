'use client'

import { useConfig, useTranslation } from '@payloadcms/ui'
import { Fragment, useMemo } from 'react'

import type { Board, BoardRow, BoardSession } from '../roster/board'
import { currentSession } from '../rosterRules'
import type { DevlogTranslationKeys, DevlogTranslations } from '../../translations/index'
import { RosterRecordForm } from './RosterRecordForm'
import { FEED_BADGE, STATUS_STYLE, type CellStatus } from './rosterMarks'

/** The cell an operator is recording a submission for. */
export type Recording = { membership: string; session: string; title: string }

// The header row and the member column stay in view while 150 members × 26 weeks scroll; the
// summary column stays at the right edge.
const stickyHeader = { position: 'sticky', top: 0, zIndex: 2, background: 'var(--theme-elevation-50)' } as const
const stickyColumn = { position: 'sticky', left: 0, zIndex: 1, background: 'var(--theme-bg)' } as const
const stickySummary = { position: 'sticky', right: 0, zIndex: 1, background: 'var(--theme-bg)' } as const
// The week under way, down its whole column.
const CURRENT_HEADER = 'var(--theme-success-100)'
const CURRENT_CELL = 'var(--theme-success-50)'

/**
 * Members × sessions: each cell's status, a link to the submission or a button to record one;
 * the week under way highlighted with its deadline in the group's time zone; per week, how many of
 * the members it is for have handed in.
 */
export function RosterGrid({
  board,
  rows,
  recording,
  busy,
  onStartRecording,
  onRecord,
  onCancelRecording,
}: {
  board: Board
  rows: BoardRow[]
  recording: Recording | null
  busy: boolean
  onStartRecording: (recording: Recording) => void
  onRecord: (url: string) => Promise<boolean>
  onCancelRecording: () => void
}) {
  const { config } = useConfig()
  const { t, i18n } = useTranslation<DevlogTranslations, DevlogTranslationKeys>()
  const timeZone = board.rules.timeZone
  const { fullDate, deadlineTime } = useMemo(
    () => ({
      fullDate: new Intl.DateTimeFormat(i18n.language, {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        weekday: 'short',
        timeZone,
      }),
      deadlineTime: new Intl.DateTimeFormat(i18n.language, {
        month: 'numeric',
        day: 'numeric',
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone,
      }),
    }),
    [i18n.language, timeZone],
  )
  const thisWeek = currentSession(board.sessions, new Date())
  const isCurrent = (sessionId: unknown) => thisWeek !== null && String(thisWeek.id) === String(sessionId)
  const weekName = (session: BoardSession | undefined) =>
    session ? t('devlog:rosterWeek', { number: session.number }) : ''

  return (
    <div style={{ overflow: 'auto', maxHeight: '70vh', border: '1px solid var(--theme-elevation-150)' }}>
      <table className="devlog-roster-table" style={{ borderCollapse: 'separate', borderSpacing: 0, fontSize: 13 }}>
        <thead>
          <tr>
            <th style={{ ...stickyHeader, ...stickyColumn, zIndex: 3, textAlign: 'left', padding: 4 }}>
              {t('devlog:rosterMember')}
            </th>
            {board.sessions.map((session) => {
              const current = isCurrent(session.id)
              return (
                <th
                  key={String(session.id)}
                  title={[fullDate.format(new Date(session.date)), session.topic].filter(Boolean).join(' · ')}
                  aria-current={current ? 'date' : undefined}
                  data-current-week={current || undefined}
                  style={{
                    ...stickyHeader,
                    padding: 4,
                    whiteSpace: 'nowrap',
                    ...(current ? { background: CURRENT_HEADER } : {}),
                  }}
                >
                  {weekName(session)}
                  {current && ` · ${t('devlog:rosterThisWeek')}`}
                  <br />
                  <small style={{ fontWeight: 400 }}>
                    {session.deadline
                      ? t('devlog:rosterDue', { date: deadlineTime.format(new Date(session.deadline)) })
                      : fullDate.format(new Date(session.date))}
                  </small>
                </th>
              )
            })}
            <th
              style={{ ...stickyHeader, ...stickySummary, zIndex: 3, padding: 4, whiteSpace: 'nowrap' }}
              title={t('devlog:rosterSummary')}
            >
              {t('devlog:rosterSummaryShort')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={board.sessions.length + 2}>
                {t(board.rows.length ? 'devlog:rosterNoMatch' : 'devlog:rosterEmpty')}
              </td>
            </tr>
          )}
          {rows.map((row) => (
            <Fragment key={String(row.membershipId)}>
              <tr data-at-risk={row.summary.atRisk || undefined}>
                <th
                  scope="row"
                  style={{
                    ...stickyColumn,
                    padding: 4,
                    whiteSpace: 'nowrap',
                    textAlign: 'left',
                    fontWeight: row.summary.atRisk ? 700 : 400,
                  }}
                >
                  {row.member.displayName}
                  {row.member.handle ? ` @${row.member.handle}` : ''}
                </th>
                {row.summary.cells.map((cell) => {
                  const style = STATUS_STYLE[cell.submission as CellStatus]
                  const submission = row.submissions[String(cell.sessionId)]
                  const session = board.sessions.find((each) => String(each.id) === String(cell.sessionId))
                  const fromFeed = submission?.source === 'feed'
                  const label = t('devlog:rosterCell', {
                    member: row.member.displayName,
                    week: weekName(session),
                    date: session ? fullDate.format(new Date(session.date)) : '',
                    status: fromFeed ? `${t(style.label)}, ${t('devlog:rosterFromFeed')}` : t(style.label),
                  })
                  const mark = (
                    <span aria-hidden style={{ color: style.colour }}>
                      {style.mark}
                      {fromFeed && <sup style={FEED_BADGE}>RSS</sup>}
                    </span>
                  )
                  return (
                    <td
                      key={String(cell.sessionId)}
                      data-status={cell.submission}
                      data-source={submission?.source}
                      title={label}
                      style={{
                        padding: 4,
                        textAlign: 'center',
                        ...(isCurrent(cell.sessionId) ? { background: CURRENT_CELL } : {}),
                      }}
                    >
                      {submission ? (
                        <a aria-label={label} href={`${config.routes.admin}/collections/submissions/${submission.id}`}>
                          {mark}
                        </a>
                      ) : (
                        <button
                          type="button"
                          aria-label={label}
                          style={{ all: 'unset', cursor: 'pointer', padding: '0 4px' }}
                          onClick={() =>
                            onStartRecording({
                              membership: String(row.membershipId),
                              session: String(cell.sessionId),
                              title: t('devlog:rosterRecordTitle', {
                                member: row.member.displayName,
                                week: weekName(session),
                              }),
                            })
                          }
                        >
                          {mark}
                        </button>
                      )}
                    </td>
                  )
                })}
                <td style={{ ...stickySummary, padding: 4, whiteSpace: 'nowrap' }}>
                  {row.summary.counts.missing} / {row.summary.passesLeft} / {row.summary.finesOwed.toLocaleString()}
                </td>
              </tr>
              {recording?.membership === String(row.membershipId) && (
                <tr>
                  <td colSpan={board.sessions.length + 2} style={{ padding: 0 }}>
                    {/* In view at the grid's left edge however far the grid is scrolled. */}
                    <div style={{ position: 'sticky', left: 0, width: 'fit-content', maxWidth: '100%' }}>
                      <RosterRecordForm
                        key={recording.session}
                        title={recording.title}
                        busy={busy}
                        onRecord={onRecord}
                        onCancel={onCancelRecording}
                      />
                    </div>
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
          <tr className="devlog-roster-submitted">
            <th scope="row" style={{ ...stickyColumn, padding: 4, textAlign: 'left' }}>
              {t('devlog:rosterSubmitted')}
            </th>
            {board.weeks.map((week) => {
              const session = board.sessions.find((each) => String(each.id) === String(week.sessionId))
              return (
                <td
                  key={String(week.sessionId)}
                  style={{
                    padding: 4,
                    textAlign: 'center',
                    whiteSpace: 'nowrap',
                    ...(isCurrent(week.sessionId) ? { background: CURRENT_CELL } : {}),
                  }}
                >
                  {/* A week with nothing to submit has no count. */}
                  {!session?.deadline ? '–' : `${week.submitted}/${week.expected}`}
                  {week.submissionRate !== null && (
                    <small style={{ display: 'block' }}>{Math.round(week.submissionRate * 100)}%</small>
                  )}
                </td>
              )
            })}
            <td style={stickySummary} />
          </tr>
        </tbody>
      </table>
    </div>
  )
}
