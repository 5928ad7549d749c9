import type { TFunction } from '@payloadcms/translations'
import type { LabelFunction } from 'payload'

import { en } from '../../translations/en'
import { ko } from '../../translations/ko'

/** A key of Devlog's admin texts (collections/translations). */
export type DevlogLabelKey = keyof typeof en.devlog

/**
 * A label, description or option text in the admin's language, looked up in Devlog's
 * translations (merged into the config's `i18n.translations`, so a host may reword it).
 */
export const label =
  (key: DevlogLabelKey): LabelFunction =>
  ({ t }) =>
    // Payload types `t` with its own keys only; Devlog's live under the `devlog` namespace.
    (t as TFunction<string>)(`devlog:${key}`)

/** The same text as a value per language, for settings that take no function (`admin.group`). */
export const staticLabel = (key: DevlogLabelKey) => ({ en: en.devlog[key], ko: ko.devlog[key] })

/** Select options from a map of values to their labels, in the map's order. */
export const options = <Value extends string>(labels: Record<Value, LabelFunction>) =>
  (Object.entries(labels) as [Value, LabelFunction][]).map(([value, text]) => ({ value, label: text }))

/** Devlog's text for a key in the request's language, for server-rendered admin components. */
export const devlogText =
  (req: { t: unknown }) =>
  (key: DevlogLabelKey, variables?: Record<string, unknown>): string =>
    (req.t as TFunction<string>)(`devlog:${key}`, variables)
