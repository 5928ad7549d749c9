import { getTranslation } from '@payloadcms/translations'
import type { PayloadRequest } from 'payload'
import type { ReactNode } from 'react'

import type { Id } from './documents'

/**
 * The pieces Devlog's dashboard widgets share: a card as Payload's docs recommend (the `card`
 * class, theme variables), titled sections with an empty state, and links and dates in the
 * admin's language.
 */
export function WidgetCard({ title, className, children }: { title: string; className: string; children: ReactNode }) {
  return (
    <section className={`card ${className}`} aria-label={title} style={{ display: 'block', padding: 'var(--base)' }}>
      <h3 style={{ margin: '0 0 calc(var(--base) / 2)' }}>{title}</h3>
      {children}
    </section>
  )
}

export function WidgetSection({
  heading,
  empty,
  items,
}: {
  heading: string
  empty: string
  items: { key: string; content: ReactNode }[]
}) {
  return (
    <div style={{ marginBlock: 'calc(var(--base) / 2)' }}>
      <h4 style={{ margin: '0 0 4px', color: 'var(--theme-elevation-600)', fontSize: 13 }}>{heading}</h4>
      {items.length === 0 ? (
        <p style={{ margin: 0, color: 'var(--theme-elevation-650)' }}>{empty}</p>
      ) : (
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {items.map((item) => (
            <li key={item.key} style={{ marginBlock: 2 }}>
              {item.content}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

/** A muted note after an entry: its kind, a time, a state. */
export const Muted = ({ children }: { children: ReactNode }) => (
  // Elevation 650 keeps small grey text at a contrast of 4.5:1 or more in the light and dark themes.
  <span style={{ color: 'var(--theme-elevation-650)', fontSize: 12 }}> · {children}</span>
)

/** The admin URL of a document's edit view. */
export const editURL = (req: PayloadRequest, collection: string, id: Id) =>
  `${req.payload.config.routes.admin}/collections/${collection}/${id}`

/** A collection's singular label in the admin's language ("글", "Retrospective"). */
export const singularLabel = (req: PayloadRequest, collection: string) => {
  const labels = req.payload.collections[collection as keyof typeof req.payload.collections]?.config.labels
  return labels ? getTranslation(labels.singular, req.i18n) : collection
}

/**
 * A date and time in the admin's language with its zone named, since the server renders it: the
 * given zone (a study group's), else the admin's default time zone, else the server's.
 */
export function formatDateTime(req: PayloadRequest, iso: string, timeZone?: string) {
  const zone = timeZone ?? req.payload.config.admin?.timezones?.defaultTimezone
  return new Intl.DateTimeFormat(req.i18n.language, {
    // `dateStyle` cannot be combined with `timeZoneName`, so the parts are spelled out.
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    weekday: 'short',
    hour: 'numeric',
    minute: '2-digit',
    // A 24-hour clock: no AM/PM marker, which some ICU builds leave in English for Korean.
    hourCycle: 'h23',
    timeZone: zone,
    timeZoneName: 'short',
  }).format(new Date(iso))
}
