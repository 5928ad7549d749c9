import type { AdminViewServerProps } from 'payload'

import { devlogText } from '../../shared/lib/labels'
import { ClaimMemberForm } from './ClaimMemberForm'

/**
 * Where an invitation's link leads (`/admin/claim-member?token=…`): the signed-in person links the
 * member profile an operator made for them to their account. Payload signs a visitor in first.
 */
export function ClaimMemberView({ initPageResult, searchParams }: AdminViewServerProps) {
  const text = devlogText(initPageResult.req.i18n)
  const token = typeof searchParams?.token === 'string' ? searchParams.token : ''
  return (
    <div
      className="devlog-claim-member"
      style={{ marginInline: 'var(--gutter-h)', marginBlock: 'calc(var(--base) * 2)' }}
    >
      <h1>{text('claimMemberTitle')}</h1>
      <p style={{ maxWidth: '40rem' }}>{text('claimMemberIntro', { email: initPageResult.req.user?.email ?? '' })}</p>
      <ClaimMemberForm token={token} />
    </div>
  )
}
