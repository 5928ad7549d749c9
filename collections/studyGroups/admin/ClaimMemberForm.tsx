'use client'

import { Button, useConfig, useTranslation } from '@payloadcms/ui'
import { useState } from 'react'

import type { DevlogTranslationKeys, DevlogTranslations } from '../../translations/index'

type Outcome = { kind: 'linked'; name: string } | { kind: 'refused'; message: string } | null

/** The claim view's one action: link the invitation's profile to the signed-in account. */
export function ClaimMemberForm({ token }: { token: string }) {
  const { t } = useTranslation<DevlogTranslations, DevlogTranslationKeys>()
  const { config } = useConfig()
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome>(null)

  const claim = async () => {
    setBusy(true)
    try {
      const response = await fetch(`${config.serverURL}${config.routes.api}/members/claim`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token }),
      })
      const answer = (await response.json().catch(() => ({}))) as {
        member?: { displayName: string }
        errors?: { message: string }[]
      }
      setOutcome(
        response.ok && answer.member
          ? { kind: 'linked', name: answer.member.displayName }
          : { kind: 'refused', message: answer.errors?.[0]?.message ?? response.statusText },
      )
    } finally {
      setBusy(false)
    }
  }

  if (outcome?.kind === 'linked') return <p role="status">{t('devlog:claimMemberLinked', { name: outcome.name })}</p>
  return (
    <>
      {outcome?.kind === 'refused' && (
        <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
          {outcome.message}
        </p>
      )}
      <Button onClick={claim} disabled={busy || !token}>
        {t('devlog:claimMemberButton')}
      </Button>
    </>
  )
}
