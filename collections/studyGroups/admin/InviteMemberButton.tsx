'use client'

import { Button, toast, useConfig, useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'
import { useState } from 'react'

import type { DevlogTranslationKeys, DevlogTranslations } from '../../translations/index'

/**
 * "Invite to claim" under a member profile's account: POST /api/members/:id/invite mails the
 * profile's person a link that links it to their own account. Shown while no account is linked.
 */
export function InviteMemberButton() {
  const { id } = useDocumentInfo()
  const { t } = useTranslation<DevlogTranslations, DevlogTranslationKeys>()
  const { config } = useConfig()
  const linked = useFormFields(([fields]) => Boolean(fields.user?.value))
  const [busy, setBusy] = useState(false)
  if (!id || linked) return null

  const invite = async () => {
    setBusy(true)
    try {
      const response = await fetch(`${config.serverURL}${config.routes.api}/members/${id}/invite`, {
        method: 'POST',
        credentials: 'include',
      })
      const body = await response.json().catch(() => ({}))
      if (!response.ok) throw new Error(body?.errors?.[0]?.message ?? response.statusText)
      toast.success(t('devlog:memberInvited', { email: body.email }))
    } catch (error) {
      toast.error(t('devlog:memberInviteFailed', { message: error instanceof Error ? error.message : String(error) }))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="devlog-member-invite" style={{ marginBottom: 'var(--base)' }}>
      <Button buttonStyle="secondary" size="small" margin={false} disabled={busy} onClick={invite}>
        {t('devlog:memberInvite')}
      </Button>
    </div>
  )
}
