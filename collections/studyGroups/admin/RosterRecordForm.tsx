'use client'

import { Button, TextInput, useTranslation } from '@payloadcms/ui'
import { useState } from 'react'

import type { DevlogTranslationKeys, DevlogTranslations } from '../../translations/index'

/**
 * The form an operator records a member's post with, opened under the row of the cell they
 * clicked. Not a <form>: the board sits inside the cohort's edit form, which a nested form would
 * submit.
 */
export function RosterRecordForm({
  title,
  busy,
  onRecord,
  onCancel,
}: {
  title: string
  busy: boolean
  onRecord: (url: string) => Promise<boolean>
  onCancel: () => void
}) {
  const { t } = useTranslation<DevlogTranslations, DevlogTranslationKeys>()
  const [url, setUrl] = useState('')
  const record = async () => {
    if (url && (await onRecord(url))) setUrl('')
  }
  return (
    <div
      role="group"
      className="devlog-roster-record"
      aria-label={title}
      style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap', padding: 8 }}
    >
      <strong>{title}</strong>
      <TextInput
        path="devlogRosterRecordUrl"
        label={t('devlog:rosterRecordUrl')}
        placeholder="https://"
        value={url}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) => setUrl(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return
          event.preventDefault()
          void record()
        }}
      />
      <Button size="small" margin={false} disabled={busy || !url} onClick={() => void record()}>
        {t('devlog:rosterRecord')}
      </Button>
      <Button buttonStyle="secondary" size="small" margin={false} onClick={onCancel}>
        {t('devlog:rosterRecordCancel')}
      </Button>
    </div>
  )
}
