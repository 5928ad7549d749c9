import { redirect } from 'next/navigation.js'
import type { AdminViewServerProps } from 'payload'

import { devlogText } from '../../shared/lib/labels'
import { CLAIM_VIEW_PATH } from '../memberAccounts'
import { ClaimMemberForm } from './ClaimMemberForm'

/**
 * Where an invitation's link leads (`/admin/claim-member?token=…`): the signed-in person links the
 * member profile an operator made for them to their account, signing in first.
 */
export function ClaimMemberView({ initPageResult, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
  const token = typeof searchParams?.token === 'string' ? searchParams.token : ''
  // Payload shows a custom view to anyone: the link's person signs in first, then comes back here.
  if (!req.user) {
    const admin = req.payload.config.routes.admin
    const here = `${admin}${CLAIM_VIEW_PATH}?token=${encodeURIComponent(token)}`
    redirect(`${admin}/login?redirect=${encodeURIComponent(here)}`)
  }
  const text = devlogText(req.i18n)
  return (
    <div
      className="devlog-claim-member"
      style={{ marginInline: 'var(--gutter-h)', marginBlock: 'calc(var(--base) * 2)' }}
    >
      <h1>{text('claimMemberTitle')}</h1>
      <p style={{ maxWidth: '40rem' }}>{text('claimMemberIntro', { email: req.user?.email ?? '' })}</p>
      <ClaimMemberForm token={token} />
    </div>
  )
}
