'use client'

import { Button, toast, useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation.js'
import { useState } from 'react'

import type { DevlogTranslationKeys, DevlogTranslations } from '../../translations/index'

/** "Check the feed now" on a member's edit view: POST /api/members/:id/feed/check, then the health reloads. */
export function FeedCheckButton() {
  const { id } = useDocumentInfo()
  const { t } = useTranslation<DevlogTranslations, DevlogTranslationKeys>()
  const { config } = useConfig()
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  if (!id) return null

  const check = async () => {
    setBusy(true)
    try {
      const response = await fetch(`${config.serverURL}${config.routes.api}/members/${id}/feed/check`, {
        method: 'POST',
        credentials: 'include',
      })
      const body = await response.json()
      if (!response.ok) throw new Error(body?.errors?.[0]?.message ?? response.statusText)
      if (body.check.error) toast.error(t('devlog:feedCheckFailed', { message: body.check.error }))
      else
        toast.success(
          t('devlog:feedChecked', { count: body.check.newItems, submissions: body.check.submissions.length }),
        )
      router.refresh()
    } catch (error) {
      toast.error(t('devlog:feedCheckFailed', { message: error instanceof Error ? error.message : String(error) }))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="devlog-feed-check" style={{ marginBottom: 'var(--base)' }}>
      <Button buttonStyle="secondary" size="small" disabled={busy} onClick={check}>
        {t('devlog:feedCheckNow')}
      </Button>
    </div>
  )
}
