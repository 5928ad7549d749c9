'use client'

import { Button, useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useCallback, useEffect, useMemo, useState } from 'react'

import type { Board } from '../roster/board'
import type { ImportReport } from '../roster/importRoster'
import type { DevlogTranslationKeys, DevlogTranslations } from '../../translations/index'

const STATUS_STYLE = {
  'on-time': { mark: '✓', colour: 'var(--theme-success-500)', label: 'devlog:rosterStatus_on_time' },
  late: { mark: 'L', colour: 'var(--theme-warning-500)', label: 'devlog:rosterStatus_late' },
  missing: { mark: '✗', colour: 'var(--theme-error-500)', label: 'devlog:rosterStatus_missing' },
  'pass-used': { mark: 'P', colour: 'var(--theme-elevation-500)', label: 'devlog:rosterStatus_pass_used' },
  excused: { mark: 'E', colour: 'var(--theme-elevation-400)', label: 'devlog:rosterStatus_excused' },
  pending: { mark: '·', colour: 'var(--theme-elevation-300)', label: 'devlog:rosterStatus_pending' },
} as const satisfies Record<string, { mark: string; colour: string; label: DevlogTranslationKeys }>
type CellStatus = keyof typeof STATUS_STYLE

// The header row and the member column stay in view while 150 members × 26 weeks scroll.
const stickyHeader = { position: 'sticky', top: 0, zIndex: 2, background: 'var(--theme-elevation-50)' } as const
const stickyColumn = { position: 'sticky', left: 0, zIndex: 1, background: 'var(--theme-bg)' } as const

/**
 * The operators' roster board on a cohort's edit view: members × sessions with each cell's
 * status and a link to the submission, filters, the CSV import (check, then apply), the exports
 * and session generation. Everything goes through the cohort's REST endpoints.
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
  const [filter, setFilter] = useState('')
  const [status, setStatus] = useState('')
  const [csv, setCsv] = useState('')
  const [report, setReport] = useState<ImportReport | null>(null)
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

  const rows = useMemo(() => {
    const needle = filter.trim().toLowerCase()
    return (board?.rows ?? []).filter((row) => {
      if (needle && !`${row.member.displayName} ${row.member.handle ?? ''}`.toLowerCase().includes(needle)) return false
      if (status === 'at-risk') return row.summary.atRisk
      if (status) return row.summary.cells.some((cell) => cell.submission === status)
      return true
    })
  }, [board, filter, status])

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

  const runImport = async (dryRun: boolean) => {
    const body = await post(`/import?dryRun=${dryRun}`, { headers: { 'content-type': 'text/csv' }, body: csv })
    if (body) setReport(body)
    if (body?.applied) await load()
  }

  if (!id) return null
  return (
    <div className="devlog-roster-board" style={{ marginBlock: 'var(--base)' }}>
      <h3>{t('devlog:rosterTitle')}</h3>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center', marginBottom: 8 }}>
        <input
          aria-label={t('devlog:rosterFilter')}
          placeholder={t('devlog:rosterFilter')}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
        <select
          aria-label={t('devlog:rosterAllStatuses')}
          value={status}
          onChange={(event) => setStatus(event.target.value)}
        >
          <option value="">{t('devlog:rosterAllStatuses')}</option>
          <option value="at-risk">{t('devlog:rosterAtRiskOnly')}</option>
          {Object.keys(STATUS_STYLE).map((key) => (
            <option key={key} value={key}>
              {statusLabel(key)}
            </option>
          ))}
        </select>
        <Button
          buttonStyle="secondary"
          size="small"
          margin={false}
          disabled={busy}
          onClick={async () => (await post('/generate-sessions')) && load()}
        >
          {t('devlog:rosterGenerateSessions')}
        </Button>
        <a href={`${api}/roster.csv`}>{t('devlog:rosterExportRoster')}</a>
        <a href={`${api}/status.csv`}>{t('devlog:rosterExportStatus')}</a>
        <a href={`${api}/sessions.ics`}>{t('devlog:rosterCalendar')}</a>
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
                  <td colSpan={board.sessions.length + 2}>{t('devlog:rosterEmpty')}</td>
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
                    const label = t('devlog:rosterCell', {
                      member: row.member.displayName,
                      week: session ? t('devlog:rosterWeek', { number: session.number }) : '',
                      date: session ? fullDate.format(new Date(session.date)) : '',
                      status: t(style.label),
                    })
                    const mark = (
                      <span aria-hidden style={{ color: style.colour }}>
                        {style.mark}
                      </span>
                    )
                    return (
                      <td
                        key={String(cell.sessionId)}
                        data-status={cell.submission}
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
          <input
            aria-label={t('devlog:rosterRecordUrl')}
            placeholder={t('devlog:rosterRecordUrl')}
            type="url"
            value={recordUrl}
            onChange={(event) => setRecordUrl(event.target.value)}
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
      <details style={{ marginTop: 'var(--base)' }}>
        <summary>{t('devlog:rosterImportTitle')}</summary>
        <textarea
          aria-label={t('devlog:rosterImportTitle')}
          rows={6}
          style={{ width: '100%' }}
          value={csv}
          onChange={(event) => setCsv(event.target.value)}
        />
        <div style={{ display: 'flex', gap: 8 }}>
          <Button
            buttonStyle="secondary"
            size="small"
            margin={false}
            disabled={busy || !csv}
            onClick={() => runImport(true)}
          >
            {t('devlog:rosterImportCheck')}
          </Button>
          <Button
            size="small"
            margin={false}
            disabled={busy || !report || report.errors.length > 0 || report.applied}
            onClick={() => runImport(false)}
          >
            {t('devlog:rosterImportApply')}
          </Button>
        </div>
        {report && (
          <div role="status">
            <p>
              {t('devlog:rosterImportCounts', report.counts)}
              {report.applied ? ` · ${t('devlog:rosterImportApplied')}` : ''}
            </p>
            {report.errors.length > 0 && (
              <ul style={{ color: 'var(--theme-error-500)' }}>
                {report.errors.map((rowError) => (
                  <li key={rowError.line}>
                    {t('devlog:rosterImportLine', { line: rowError.line })}: {rowError.reason}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </details>
    </div>
  )
}
