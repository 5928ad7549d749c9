'use client'

import { Button, useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation.js'
import { useEffect, useState } from 'react'

import type { DevlogTranslationKeys, DevlogTranslations } from '../../translations/index'

type TagOption = { id: number | string; name: string; postCount?: number }

/** The admin action behind POST /api/tags/:id/merge, shown on a tag's edit view. */
export function MergeTagField() {
  const { id, title } = useDocumentInfo()
  const { t } = useTranslation<DevlogTranslations, DevlogTranslationKeys>()
  const { config } = useConfig()
  const router = useRouter()
  const api = `${config.serverURL}${config.routes.api}`
  const [options, setOptions] = useState<TagOption[]>([])
  const [target, setTarget] = useState('')
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (!id) return
    fetch(`${api}/tags?limit=500&depth=0&sort=name&select[name]=true&select[postCount]=true`, {
      credentials: 'include',
    })
      .then((response) => response.json())
      .then((body: { docs: TagOption[] }) => setOptions(body.docs.filter((tag) => String(tag.id) !== String(id))))
      .catch(() => setOptions([]))
  }, [api, id])

  if (!id) return null

  const merge = async () => {
    const into = options.find((tag) => String(tag.id) === target)
    if (!into || !window.confirm(t('devlog:mergeTagConfirm', { from: String(title ?? id), into: into.name }))) return
    setBusy(true)
    setMessage(null)
    try {
      const response = await fetch(`${api}/tags/${id}/merge`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ into: into.id }),
      })
      const body = await response.json()
      if (!response.ok) throw new Error(body?.errors?.[0]?.message ?? response.statusText)
      setMessage({ kind: 'success', text: t('devlog:mergeTagDone', { count: body.movedPosts }) })
      router.push(`${config.routes.admin}/collections/tags/${into.id}`)
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof Error ? error.message : String(error) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="field-type devlog-merge-tag" style={{ marginBottom: 'var(--base)' }}>
      <h4>{t('devlog:mergeTagHeading')}</h4>
      <p style={{ color: 'var(--theme-elevation-500)' }}>{t('devlog:mergeTagHelp')}</p>
      <div style={{ display: 'flex', gap: 'calc(var(--base) / 2)', alignItems: 'center' }}>
        <select
          aria-label={t('devlog:mergeTagHeading')}
          value={target}
          onChange={(event) => setTarget(event.target.value)}
          disabled={busy}
        >
          <option value="">{t('devlog:mergeTagChoose')}</option>
          {options.map((tag) => (
            <option key={tag.id} value={String(tag.id)}>
              {tag.name}
              {typeof tag.postCount === 'number' ? ` (${tag.postCount})` : ''}
            </option>
          ))}
        </select>
        <Button buttonStyle="secondary" size="small" disabled={!target || busy} onClick={merge} margin={false}>
          {t('devlog:mergeTagAction')}
        </Button>
      </div>
      {message && (
        <p
          role="status"
          style={{ color: message.kind === 'error' ? 'var(--theme-error-500)' : 'var(--theme-success-500)' }}
        >
          {message.text}
        </p>
      )}
    </div>
  )
}
