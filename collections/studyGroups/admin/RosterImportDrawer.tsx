'use client'

import { Banner, Button, Drawer, TextareaInput, toast, useModal, useTranslation } from '@payloadcms/ui'
import { useState } from 'react'

import type { ImportReport } from '../roster/importRoster'
import type { DevlogTranslationKeys, DevlogTranslations } from '../../translations/index'

/**
 * The roster's CSV import as two steps in a drawer: check (the endpoint's dry run, shown as a
 * table of what would happen to each line) and then apply, which the check must pass first.
 * Not a <form>: the board sits inside the cohort's edit form.
 */
export function RosterImportDrawer({
  slug,
  endpoint,
  onApplied,
}: {
  slug: string
  /** The cohort's import endpoint; `?dryRun=` is added. */
  endpoint: string
  onApplied: () => Promise<void>
}) {
  const { t } = useTranslation<DevlogTranslations, DevlogTranslationKeys>()
  const { closeModal } = useModal()
  const [csv, setCsv] = useState('')
  const [report, setReport] = useState<ImportReport | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const send = async (dryRun: boolean) => {
    setBusy(true)
    setError(null)
    try {
      const response = await fetch(`${endpoint}?dryRun=${dryRun}`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'text/csv' },
        body: csv,
      })
      const body = await response.json()
      // A check that finds bad lines answers 400 with the report; any other failure has no rows.
      if (!body?.rows) throw new Error(body?.errors?.[0]?.message ?? response.statusText)
      return body as ImportReport
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught))
      return null
    } finally {
      setBusy(false)
    }
  }

  const check = async () => setReport(await send(true))
  const apply = async () => {
    const applied = await send(false)
    if (!applied?.applied) {
      setReport(applied)
      return
    }
    toast.success(t('devlog:rosterImportAppliedMessage', applied.counts))
    setReport(null)
    setCsv('')
    closeModal(slug)
    await onApplied()
  }

  const lines = report
    ? [
        ...report.rows.map((row) => ({ line: row.line, row, reason: null })),
        ...report.errors.map((rowError) => ({ line: rowError.line, row: null, reason: rowError.reason })),
      ].sort((a, b) => a.line - b.line)
    : []
  const step = report ? 2 : 1

  return (
    <Drawer slug={slug} title={t('devlog:rosterImportTitle')} className="devlog-roster-import">
      <ol
        className="devlog-roster-import__steps"
        style={{ display: 'flex', gap: 'var(--base)', padding: 0, listStyle: 'none' }}
      >
        {(['devlog:rosterImportStepCheck', 'devlog:rosterImportStepApply'] as const).map((key, index) => (
          <li
            key={key}
            aria-current={step === index + 1 ? 'step' : undefined}
            style={{ fontWeight: step === index + 1 ? 700 : 400, opacity: step === index + 1 ? 1 : 0.6 }}
          >
            {t(key)}
          </li>
        ))}
      </ol>
      {error && <Banner type="error">{error}</Banner>}
      {!report ? (
        <>
          <p>{t('devlog:rosterImportIntro')}</p>
          <label style={{ display: 'block', marginBottom: 'var(--base)' }}>
            {t('devlog:rosterImportFile')}{' '}
            <input
              type="file"
              accept=".csv,text/csv,text/plain"
              onChange={async (event) => {
                const file = event.target.files?.[0]
                if (file) setCsv(await file.text())
              }}
            />
          </label>
          <TextareaInput
            path="devlogRosterCsv"
            label={t('devlog:rosterImportText')}
            rows={10}
            value={csv}
            onChange={(event) => setCsv(event.target.value)}
          />
          <Button disabled={busy || !csv.trim()} onClick={() => void check()}>
            {t('devlog:rosterImportCheck')}
          </Button>
        </>
      ) : (
        <>
          <p role="status">{t('devlog:rosterImportCounts', report.counts)}</p>
          {report.errors.length > 0 && <Banner type="error">{t('devlog:rosterImportFixErrors')}</Banner>}
          <div className="table" style={{ overflowX: 'auto' }}>
            <table className="devlog-roster-import__table" cellPadding={0} cellSpacing={0}>
              <thead>
                <tr>
                  {(
                    [
                      'rosterImportLineColumn',
                      'rosterImportNameColumn',
                      'rosterImportHandleColumn',
                      'rosterImportEmailColumn',
                      'rosterImportRoleColumn',
                      'rosterImportMemberColumn',
                      'rosterImportMembershipColumn',
                    ] as const
                  ).map((key) => (
                    <th key={key}>{t(`devlog:${key}`)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {lines.map(({ line, row, reason }) =>
                  row ? (
                    <tr key={line} data-member={row.member} data-membership={row.membership}>
                      <td>{line}</td>
                      <td>{row.name}</td>
                      <td>{row.handle ?? ''}</td>
                      <td>{row.email ?? ''}</td>
                      <td>{row.role}</td>
                      <td>{t(`devlog:rosterImportAction_${row.member}`)}</td>
                      <td>{t(`devlog:rosterImportAction_${row.membership}`)}</td>
                    </tr>
                  ) : (
                    <tr key={`error-${line}`} data-error style={{ color: 'var(--theme-error-500)' }}>
                      <td>{line}</td>
                      <td colSpan={6}>
                        {t('devlog:rosterImportProblemColumn')}: {reason}
                      </td>
                    </tr>
                  ),
                )}
              </tbody>
            </table>
          </div>
          <div style={{ display: 'flex', gap: 8 }}>
            <Button buttonStyle="secondary" disabled={busy} onClick={() => setReport(null)}>
              {t('devlog:rosterImportBack')}
            </Button>
            <Button disabled={busy || report.errors.length > 0} onClick={() => void apply()}>
              {t('devlog:rosterImportApply')}
            </Button>
          </div>
        </>
      )}
    </Drawer>
  )
}
