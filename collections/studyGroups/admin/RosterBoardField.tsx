'use client'

import { Button, useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useCallback, useEffect, useMemo, useState } from 'react'

import type { Board } from '../roster/board.js'
import type { ImportReport } from '../roster/importRoster.js'

const STATUS_STYLE: Record<string, { mark: string; colour: string }> = {
  'on-time': { mark: '✓', colour: 'var(--theme-success-500)' },
  late: { mark: 'L', colour: 'var(--theme-warning-500)' },
  missing: { mark: '✗', colour: 'var(--theme-error-500)' },
  'pass-used': { mark: 'P', colour: 'var(--theme-elevation-500)' },
  excused: { mark: 'E', colour: 'var(--theme-elevation-400)' },
  pending: { mark: '·', colour: 'var(--theme-elevation-300)' },
}

const text = {
  en: {
    title: 'Roster board',
    filter: 'Filter by name or handle',
    all: 'All statuses',
    atRisk: 'At risk only',
    member: 'Member',
    summary: 'Missing / passes left / fines',
    generate: 'Generate sessions',
    exportRoster: 'Roster CSV',
    exportStatus: 'Status CSV',
    calendar: 'Calendar (.ics)',
    importTitle: 'Import roster from CSV (name, handle, email, blogUrl, role)',
    dryRun: 'Check',
    apply: 'Apply',
    rate: 'Submitted',
    empty: 'No members yet.',
  },
  ko: {
    title: '참여 현황',
    filter: '이름이나 핸들로 찾기',
    all: '모든 상태',
    atRisk: '위험 인원만',
    member: '참여자',
    summary: '미제출 / 남은 패스 / 벌금',
    generate: '모임 일정 만들기',
    exportRoster: '명단 CSV',
    exportStatus: '현황 CSV',
    calendar: '캘린더 (.ics)',
    importTitle: 'CSV로 명단 가져오기 (name, handle, email, blogUrl, role)',
    dryRun: '확인',
    apply: '적용',
    rate: '제출률',
    empty: '아직 참여자가 없습니다.',
  },
}

/**
 * The operators' roster board on a cohort's edit view: members × sessions with each cell's
 * status and a link to the submission, filters, the CSV import (check, then apply), the exports
 * and session generation. Everything goes through the cohort's REST endpoints.
 */
export function RosterBoardField() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const t = i18n.language === 'ko' ? text.ko : text.en
  const api = `${config.serverURL}${config.routes.api}/cohorts/${id}`
  const [board, setBoard] = useState<Board | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [filter, setFilter] = useState('')
  const [status, setStatus] = useState('')
  const [csv, setCsv] = useState('')
  const [report, setReport] = useState<ImportReport | null>(null)
  const [busy, setBusy] = useState(false)

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

  const runImport = async (dryRun: boolean) => {
    const body = await post(`/import?dryRun=${dryRun}`, { headers: { 'content-type': 'text/csv' }, body: csv })
    if (body) setReport(body)
    if (body?.applied) await load()
  }

  if (!id) return null
  return (
    <div className="devlog-roster-board" style={{ marginBlock: 'var(--base)' }}>
      <h3>{t.title}</h3>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center', marginBottom: 8 }}>
        <input
          aria-label={t.filter}
          placeholder={t.filter}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
        <select aria-label={t.all} value={status} onChange={(event) => setStatus(event.target.value)}>
          <option value="">{t.all}</option>
          <option value="at-risk">{t.atRisk}</option>
          {Object.keys(STATUS_STYLE).map((key) => (
            <option key={key} value={key}>
              {key}
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
          {t.generate}
        </Button>
        <a href={`${api}/roster.csv`}>{t.exportRoster}</a>
        <a href={`${api}/status.csv`}>{t.exportStatus}</a>
        <a href={`${api}/sessions.ics`}>{t.calendar}</a>
      </div>
      {error && (
        <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
          {error}
        </p>
      )}
      {board && (
        <div style={{ overflowX: 'auto' }}>
          <table className="devlog-roster-table" style={{ borderCollapse: 'collapse', fontSize: 13 }}>
            <thead>
              <tr>
                <th style={{ textAlign: 'left', padding: 4 }}>{t.member}</th>
                {board.sessions.map((session) => (
                  <th key={String(session.id)} title={session.topic ?? ''} style={{ padding: 4 }}>
                    W{session.number}
                  </th>
                ))}
                <th style={{ padding: 4 }}>{t.summary}</th>
              </tr>
            </thead>
            <tbody>
              {rows.length === 0 && (
                <tr>
                  <td colSpan={board.sessions.length + 2}>{t.empty}</td>
                </tr>
              )}
              {rows.map((row) => (
                <tr key={String(row.membershipId)} data-at-risk={row.summary.atRisk || undefined}>
                  <td style={{ padding: 4, whiteSpace: 'nowrap', fontWeight: row.summary.atRisk ? 700 : 400 }}>
                    {row.member.displayName}
                    {row.member.handle ? ` @${row.member.handle}` : ''}
                  </td>
                  {row.summary.cells.map((cell) => {
                    const style = STATUS_STYLE[cell.submission]
                    const submission = row.submissions[String(cell.sessionId)]
                    const mark = <span style={{ color: style.colour }}>{style.mark}</span>
                    return (
                      <td
                        key={String(cell.sessionId)}
                        data-status={cell.submission}
                        title={cell.submission}
                        style={{ padding: 4, textAlign: 'center' }}
                      >
                        {submission ? (
                          <a href={`${config.routes.admin}/collections/submissions/${submission.id}`}>{mark}</a>
                        ) : (
                          mark
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
                <td style={{ padding: 4 }}>{t.rate}</td>
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
      <details style={{ marginTop: 'var(--base)' }}>
        <summary>{t.importTitle}</summary>
        <textarea
          aria-label={t.importTitle}
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
            {t.dryRun}
          </Button>
          <Button
            size="small"
            margin={false}
            disabled={busy || !report || report.errors.length > 0 || report.applied}
            onClick={() => runImport(false)}
          >
            {t.apply}
          </Button>
        </div>
        {report && (
          <div role="status">
            <p>
              create {report.counts.create} · update {report.counts.update} · unchanged {report.counts.unchanged}
              {report.applied ? ' · applied' : ''}
            </p>
            {report.errors.length > 0 && (
              <ul style={{ color: 'var(--theme-error-500)' }}>
                {report.errors.map((rowError) => (
                  <li key={rowError.line}>
                    line {rowError.line}: {rowError.reason}
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
