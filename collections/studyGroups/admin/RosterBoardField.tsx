'use client'

import { Button, SearchFilter, useConfig, useDocumentInfo, useModal, useTranslation } from '@payloadcms/ui'
import { useCallback, useEffect, useMemo, useState } from 'react'

import type { Board } from '../roster/board'
import { currentSession, takesPart } from '../rosterRules'
import type { DevlogTranslationKeys, DevlogTranslations } from '../../translations/index'
import { RosterGrid, type Recording } from './RosterGrid'
import { RosterImportDrawer } from './RosterImportDrawer'
import { FEED_BADGE, STATUS_STYLE, type CellStatus } from './rosterMarks'

/** Filters besides a cell status; the dashboard links to the board with `?roster=<filter>`. */
const WEEK_FILTERS = {
  'at-risk': 'devlog:rosterAtRiskOnly',
  'not-submitted': 'devlog:rosterNotSubmittedThisWeek',
  submitted: 'devlog:dashboardSubmitted',
} as const satisfies Record<string, DevlogTranslationKeys>
const IMPORT_DRAWER = 'devlog-roster-import'

/** The status filter drawn like the admin's inputs. */
const STATUS_SELECT = {
  flex: '0 0 17rem',
  height: 'calc(var(--base) * 2)',
  padding: '0 calc(var(--base) * 0.5)',
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 'var(--style-radius-s)',
  background: 'var(--theme-input-bg)',
  color: 'var(--theme-elevation-800)',
  font: 'inherit',
} as const

/**
 * The operators' roster board on a cohort's edit view: members × sessions with each cell's
 * status and a link to the submission (or a form to record one), filters, the CSV import (check,
 * then apply), the exports and session generation, in Payload's own components. Everything goes
 * through the cohort's REST endpoints.
 */
export function RosterBoardField() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const { t } = useTranslation<DevlogTranslations, DevlogTranslationKeys>()
  const statusLabel = (key: string) => t(STATUS_STYLE[key as CellStatus].label)
  const api = `${config.serverURL}${config.routes.api}/cohorts/${id}`
  const [board, setBoard] = useState<Board | null>(null)
  const [error, setError] = useState<string | null>(null)
  const { openModal } = useModal()
  const [filter, setFilter] = useState('')
  const [status, setStatus] = useState('')
  const [busy, setBusy] = useState(false)
  const [recording, setRecording] = useState<Recording | null>(null)

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

  const statusOptions: { value: string; label: string }[] = [
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
  const record = async (url: string) => {
    if (!recording) return false
    setBusy(true)
    setError(null)
    try {
      const response = await fetch(`${config.serverURL}${config.routes.api}/submissions/submit`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ membership: recording.membership, session: recording.session, url }),
      })
      const body = await response.json()
      if (!response.ok) throw new Error(body?.errors?.[0]?.message ?? response.statusText)
      setRecording(null)
      await load()
      return true
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught))
      return false
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
        {/* A native select: Payload's ReactSelect hides a focusable indicator from screen readers. */}
        <select
          id="devlog-roster-status"
          className="devlog-roster-status"
          value={status}
          onChange={(event) => setStatus(event.target.value)}
          style={STATUS_SELECT}
        >
          {statusOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
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
        <RosterGrid
          board={board}
          rows={rows}
          recording={recording}
          busy={busy}
          onStartRecording={setRecording}
          onRecord={record}
          onCancelRecording={() => setRecording(null)}
        />
      )}
      <RosterImportDrawer slug={IMPORT_DRAWER} endpoint={`${api}/import`} onApplied={load} />
    </div>
  )
}
