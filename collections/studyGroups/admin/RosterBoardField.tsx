'use client'

import {
  Button,
  ReactSelect,
  SearchFilter,
  TextInput,
  useConfig,
  useDocumentInfo,
  useModal,
  useTranslation,
  type ReactSelectOption,
} from '@payloadcms/ui'
import { useCallback, useEffect, useMemo, useState } from 'react'

import type { Board } from '../roster/board'
import { currentSession, takesPart } from '../rosterRules'
import type { DevlogTranslationKeys, DevlogTranslations } from '../../translations/index'
import { RosterImportDrawer } from './RosterImportDrawer'

const STATUS_STYLE = {
  'on-time': { mark: '✓', colour: 'var(--theme-success-500)', label: 'devlog:rosterStatus_on_time' },
  late: { mark: 'L', colour: 'var(--theme-warning-500)', label: 'devlog:rosterStatus_late' },
  missing: { mark: '✗', colour: 'var(--theme-error-500)', label: 'devlog:rosterStatus_missing' },
  'pass-used': { mark: 'P', colour: 'var(--theme-elevation-500)', label: 'devlog:rosterStatus_pass_used' },
  excused: { mark: 'E', colour: 'var(--theme-elevation-400)', label: 'devlog:rosterStatus_excused' },
  pending: { mark: '·', colour: 'var(--theme-elevation-300)', label: 'devlog:rosterStatus_pending' },
  'in-review': { mark: '?', colour: 'var(--theme-warning-500)', label: 'devlog:rosterStatus_in_review' },
} as const satisfies Record<string, { mark: string; colour: string; label: DevlogTranslationKeys }>
type CellStatus = keyof typeof STATUS_STYLE

/** Filters besides a cell status; the dashboard links to the board with `?roster=<filter>`. */
const WEEK_FILTERS = {
  'at-risk': 'devlog:rosterAtRiskOnly',
  'not-submitted': 'devlog:rosterNotSubmittedThisWeek',
  submitted: 'devlog:dashboardSubmitted',
} as const satisfies Record<string, DevlogTranslationKeys>
const IMPORT_DRAWER = 'devlog-roster-import'
// Marks a cell whose submission the feed poller found.
const FEED_BADGE = { fontSize: 8, marginLeft: 1, color: 'var(--theme-elevation-500)' } as const

// The header row and the member column stay in view while 150 members × 26 weeks scroll.
const stickyHeader = { position: 'sticky', top: 0, zIndex: 2, background: 'var(--theme-elevation-50)' } as const
const stickyColumn = { position: 'sticky', left: 0, zIndex: 1, background: 'var(--theme-bg)' } as const

/**
 * The operators' roster board on a cohort's edit view: members × sessions with each cell's
 * status and a link to the submission (or a form to record one), filters, the CSV import (check,
 * then apply), the exports and session generation, in Payload's own components. Everything goes
 * through the cohort's REST endpoints.
 */
export function RosterBoardField() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const { t, i18n } = useTranslation<DevlogTranslations, DevlogTranslationKeys>()
  const fullDate = useMemo(
    () => new Intl.DateTimeFormat(i18n.language, { year: 'numeric', month: 'short', day: 'numeric', weekday: 'short' }),
    [i18n.language],
  )
  const statusLabel = (key: string) => t(STATUS_STYLE[key as CellStatus].label)
  const api = `${config.serverURL}${config.routes.api}/cohorts/${id}`
  const [board, setBoard] = useState<Board | null>(null)
  const [error, setError] = useState<string | null>(null)
  const { openModal } = useModal()
  const [filter, setFilter] = useState('')
  const [status, setStatus] = useState('')
  const [busy, setBusy] = useState(false)
  const [recording, setRecording] = useState<{ membership: string; session: string; title: string } | null>(null)
  const [recordUrl, setRecordUrl] = useState('')

  const load = useCallback(async () => {
    if (!id) return
    const response = await fetch(`${api}/board`, { credentials: 'include' })
    const body = await response.json()
    if (!response.ok) setError(body?.errors?.[0]?.message ?? response.statusText)
    else setBoard(body)
  }, [api, id])

  useEffect(() => {
    void load()
  }, [load])

  // A link from the dashboard opens the board filtered (`?roster=at-risk`).
  useEffect(() => {
    const requested = new URLSearchParams(window.location.search).get('roster')
    if (requested && (requested in WEEK_FILTERS || requested in STATUS_STYLE)) setStatus(requested)
  }, [])

  const rows = useMemo(() => {
    const needle = filter.trim().toLowerCase()
    const thisWeek = board ? currentSession(board.sessions, new Date()) : null
    const submittedThisWeek = (row: Board['rows'][number]) =>
      thisWeek !== null && row.submissions[String(thisWeek.id)] !== undefined
    return (board?.rows ?? []).filter((row) => {
      if (needle && !`${row.member.displayName} ${row.member.handle ?? ''}`.toLowerCase().includes(needle)) return false
      if (status === 'at-risk') return row.summary.atRisk
      if (status === 'submitted') return takesPart(row.status) && submittedThisWeek(row)
      if (status === 'not-submitted') return takesPart(row.status) && thisWeek !== null && !submittedThisWeek(row)
      if (status) return row.summary.cells.some((cell) => cell.submission === status)
      return true
    })
  }, [board, filter, status])

  const statusOptions: ReactSelectOption<string>[] = [
    { value: '', label: t('devlog:rosterAllStatuses') },
    ...Object.entries(WEEK_FILTERS).map(([value, key]) => ({ value, label: t(key) })),
    ...Object.keys(STATUS_STYLE).map((value) => ({ value, label: statusLabel(value) })),
  ]

  const post = async (path: string, init: RequestInit = {}) => {
    setBusy(true)
    setError(null)
    try {
      const response = await fetch(`${api}${path}`, { method: 'POST', credentials: 'include', ...init })
      const body = await response.json()
      if (!response.ok && !body?.rows) throw new Error(body?.errors?.[0]?.message ?? response.statusText)
      return body
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught))
      return null
    } finally {
      setBusy(false)
    }
  }

  /** Records a submission for a cell through the submit endpoint members use, on their behalf. */
  const record = async () => {
    if (!recording) return
    setBusy(true)
    setError(null)
    try {
      const response = await fetch(`${config.serverURL}${config.routes.api}/submissions/submit`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ membership: recording.membership, session: recording.session, url: recordUrl }),
      })
      const body = await response.json()
      if (!response.ok) throw new Error(body?.errors?.[0]?.message ?? response.statusText)
      setRecording(null)
      setRecordUrl('')
      await load()
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught))
    } finally {
      setBusy(false)
    }
  }

  if (!id) return null
  return (
    <div className="devlog-roster-board" style={{ marginBlock: 'var(--base)' }}>
      <h3>{t('devlog:rosterTitle')}</h3>
      <div
        className="devlog-roster-toolbar"
        style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center', marginBottom: 8 }}
      >
        <div style={{ flex: '1 1 16rem' }}>
          <SearchFilter label={t('devlog:rosterFilter')} handleChange={(search) => setFilter(search ?? '')} />
        </div>
        <label htmlFor="devlog-roster-status" className="field-label" style={{ margin: 0 }}>
          {t('devlog:rosterStatusFilter')}
        </label>
        <div style={{ flex: '0 0 17rem' }} className="devlog-roster-status">
          <ReactSelect
            inputId="devlog-roster-status"
            isClearable={false}
            options={statusOptions}
            value={statusOptions.find((option) => option.value === status)}
            onChange={(option) => setStatus(String((option as ReactSelectOption<string>).value))}
          />
        </div>
        <Button
          buttonStyle="secondary"
          size="small"
          margin={false}
          disabled={busy}
          onClick={async () => (await post('/generate-sessions')) && load()}
        >
          {t('devlog:rosterGenerateSessions')}
        </Button>
        <Button buttonStyle="secondary" size="small" margin={false} onClick={() => openModal(IMPORT_DRAWER)}>
          {t('devlog:rosterImportOpen')}
        </Button>
        <Button buttonStyle="pill" size="small" margin={false} el="anchor" url={`${api}/roster.csv`}>
          {t('devlog:rosterExportRoster')}
        </Button>
        <Button buttonStyle="pill" size="small" margin={false} el="anchor" url={`${api}/status.csv`}>
          {t('devlog:rosterExportStatus')}
        </Button>
        <Button buttonStyle="pill" size="small" margin={false} el="anchor" url={`${api}/sessions.ics`}>
          {t('devlog:rosterCalendar')}
        </Button>
      </div>
      {error && (
        <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
          {error}
        </p>
      )}
      <ul
        className="devlog-roster-legend"
        aria-label={t('devlog:rosterLegend')}
        style={{ display: 'flex', gap: 16, listStyle: 'none', padding: 0, margin: '0 0 8px', flexWrap: 'wrap' }}
      >
        {Object.entries(STATUS_STYLE).map(([key, style]) => (
          <li key={key}>
            <span aria-hidden style={{ color: style.colour, fontWeight: 700, marginRight: 4 }}>
              {style.mark}
            </span>
            {t(style.label)}
          </li>
        ))}
        <li>
          <sup aria-hidden style={FEED_BADGE}>
            RSS
          </sup>{' '}
          {t('devlog:rosterFromFeed')}
        </li>
      </ul>
      {board && (
        <div style={{ overflow: 'auto', maxHeight: '70vh', border: '1px solid var(--theme-elevation-150)' }}>
          <table className="devlog-roster-table" style={{ borderCollapse: 'separate', borderSpacing: 0, fontSize: 13 }}>
            <thead>
              <tr>
                <th style={{ ...stickyHeader, ...stickyColumn, zIndex: 3, textAlign: 'left', padding: 4 }}>
                  {t('devlog:rosterMember')}
                </th>
                {board.sessions.map((session) => (
                  <th key={String(session.id)} title={session.topic ?? ''} style={{ ...stickyHeader, padding: 4 }}>
                    {t('devlog:rosterWeek', { number: session.number })}
                    <br />
                    <small style={{ fontWeight: 400, whiteSpace: 'nowrap' }}>
                      {fullDate.format(new Date(session.date))}
                    </small>
                  </th>
                ))}
                <th style={{ ...stickyHeader, padding: 4 }}>{t('devlog:rosterSummary')}</th>
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
                <tr key={String(row.membershipId)} data-at-risk={row.summary.atRisk || undefined}>
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
                      week: session ? t('devlog:rosterWeek', { number: session.number }) : '',
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
                        style={{ padding: 4, textAlign: 'center' }}
                      >
                        {submission ? (
                          <a
                            aria-label={label}
                            href={`${config.routes.admin}/collections/submissions/${submission.id}`}
                          >
                            {mark}
                          </a>
                        ) : (
                          <button
                            type="button"
                            aria-label={label}
                            style={{ all: 'unset', cursor: 'pointer', padding: '0 4px' }}
                            onClick={() =>
                              setRecording({
                                membership: String(row.membershipId),
                                session: String(cell.sessionId),
                                title: t('devlog:rosterRecordTitle', {
                                  member: row.member.displayName,
                                  week: session ? t('devlog:rosterWeek', { number: session.number }) : '',
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
                  <td style={{ padding: 4, whiteSpace: 'nowrap' }}>
                    {row.summary.counts.missing} / {row.summary.passesLeft} / {row.summary.finesOwed.toLocaleString()}
                  </td>
                </tr>
              ))}
              <tr>
                <th scope="row" style={{ ...stickyColumn, padding: 4, textAlign: 'left' }}>
                  {t('devlog:rosterSubmitted')}
                </th>
                {board.weeks.map((week) => (
                  <td key={String(week.sessionId)} style={{ padding: 4, textAlign: 'center' }}>
                    {week.submissionRate === null ? '–' : `${Math.round(week.submissionRate * 100)}%`}
                  </td>
                ))}
                <td />
              </tr>
            </tbody>
          </table>
        </div>
      )}
      {recording && (
        // Not a <form>: the board sits inside the cohort's edit form, which a nested form would submit.
        <div
          role="group"
          className="devlog-roster-record"
          aria-label={recording.title}
          style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap', marginTop: 8 }}
        >
          <strong>{recording.title}</strong>
          <TextInput
            path="devlogRosterRecordUrl"
            label={t('devlog:rosterRecordUrl')}
            placeholder="https://"
            value={recordUrl}
            onChange={(event: React.ChangeEvent<HTMLInputElement>) => setRecordUrl(event.target.value)}
            onKeyDown={(event) => {
              if (event.key !== 'Enter') return
              event.preventDefault()
              void record()
            }}
          />
          <Button size="small" margin={false} disabled={busy || !recordUrl} onClick={() => void record()}>
            {t('devlog:rosterRecord')}
          </Button>
          <Button buttonStyle="secondary" size="small" margin={false} onClick={() => setRecording(null)}>
            {t('devlog:rosterRecordCancel')}
          </Button>
        </div>
      )}
      <RosterImportDrawer slug={IMPORT_DRAWER} endpoint={`${api}/import`} onApplied={load} />
    </div>
  )
}
