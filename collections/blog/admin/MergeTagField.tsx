'use client'

import { Button, useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation.js'
import { useEffect, useState } from 'react'

type TagOption = { id: number | string; name: string; postCount?: number }

const text = {
  en: {
    heading: 'Merge into another tag',
    help: 'Moves every post of this tag to the chosen tag, then deletes this tag. All or nothing.',
    choose: 'Choose a tag…',
    merge: 'Merge',
    confirm: (from: string, into: string) => `Merge "${from}" into "${into}"? This tag will be deleted.`,
    done: (moved: number) => `Merged: ${moved} post(s) moved.`,
  },
  ko: {
    heading: '다른 태그로 합치기',
    help: '이 태그의 모든 글을 선택한 태그로 옮기고 이 태그를 삭제합니다. 전부 되거나 전혀 바뀌지 않습니다.',
    choose: '태그 선택…',
    merge: '합치기',
    confirm: (from: string, into: string) => `"${from}" 태그를 "${into}" 태그로 합칠까요? 이 태그는 삭제됩니다.`,
    done: (moved: number) => `합쳤습니다: 글 ${moved}개를 옮겼습니다.`,
  },
}

/** The admin action behind POST /api/tags/:id/merge, shown on a tag's edit view. */
export function MergeTagField() {
  const { id, title } = useDocumentInfo()
  const { i18n } = useTranslation()
  const { config } = useConfig()
  const router = useRouter()
  const t = i18n.language === 'ko' ? text.ko : text.en
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
    if (!into || !window.confirm(t.confirm(String(title ?? id), into.name))) return
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
      setMessage({ kind: 'success', text: t.done(body.movedPosts) })
      router.push(`${config.routes.admin}/collections/tags/${into.id}`)
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof Error ? error.message : String(error) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="field-type devlog-merge-tag" style={{ marginBottom: 'var(--base)' }}>
      <h4>{t.heading}</h4>
      <p style={{ color: 'var(--theme-elevation-500)' }}>{t.help}</p>
      <div style={{ display: 'flex', gap: 'calc(var(--base) / 2)', alignItems: 'center' }}>
        <select
          aria-label={t.heading}
          value={target}
          onChange={(event) => setTarget(event.target.value)}
          disabled={busy}
        >
          <option value="">{t.choose}</option>
          {options.map((tag) => (
            <option key={tag.id} value={String(tag.id)}>
              {tag.name}
              {typeof tag.postCount === 'number' ? ` (${tag.postCount})` : ''}
            </option>
          ))}
        </select>
        <Button buttonStyle="secondary" size="small" disabled={!target || busy} onClick={merge} margin={false}>
          {t.merge}
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
