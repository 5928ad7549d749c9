import type { WidgetServerProps } from 'payload'

import { devlogText } from '../../shared/lib/labels'
import { editURL, formatDateTime, Muted, singularLabel, WidgetCard, WidgetSection } from '../../shared/widgets'
import { editorialOverview, type EditorialEntry } from '../editorial'

/** The editor's dashboard widget: drafts in progress, what is scheduled, what went out last. */
export async function WritingWidget({ req }: WidgetServerProps) {
  const text = devlogText(req)
  const { drafts, scheduled, published } = await editorialOverview(req)
  // Each entry: its title linking to its edit view, then its kind and what the section says of it.
  const item = (entry: EditorialEntry, key: string, note: string | null) => ({
    key: `${entry.collection}-${entry.id}-${key}`,
    content: (
      <>
        <a href={editURL(req, entry.collection, entry.id)}>{entry.title}</a>
        <Muted>
          {singularLabel(req, entry.collection)}
          {note ? ` · ${note}` : ''}
        </Muted>
      </>
    ),
  })
  return (
    <WidgetCard title={text('dashboardWriting')} className="devlog-widget-writing">
      <WidgetSection
        heading={text('dashboardDrafts')}
        empty={text('dashboardNoDrafts')}
        items={drafts.map((entry) =>
          item(
            entry,
            'draft',
            `${text(entry.everPublished ? 'dashboardUnpublishedChanges' : 'dashboardNeverPublished')} · ${text(
              'dashboardEdited',
              { at: formatDateTime(req, entry.updatedAt) },
            )}`,
          ),
        )}
      />
      <WidgetSection
        heading={text('dashboardScheduled')}
        empty={text('dashboardNoScheduled')}
        items={scheduled.map((entry) =>
          item(
            entry,
            entry.at,
            text(entry.type === 'publish' ? 'dashboardPublishesAt' : 'dashboardUnpublishesAt', {
              at: formatDateTime(req, entry.at),
            }),
          ),
        )}
      />
      <WidgetSection
        heading={text('dashboardLatestPublished')}
        empty={text('dashboardNothingPublished')}
        items={published.map((entry) =>
          item(entry, 'published', entry.publishedAt ? formatDateTime(req, entry.publishedAt) : null),
        )}
      />
    </WidgetCard>
  )
}
