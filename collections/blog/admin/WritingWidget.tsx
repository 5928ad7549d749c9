import type { WidgetServerProps } from 'payload'

import { devlogText } from '../../shared/lib/labels'
import { editURL, formatDateTime, Muted, singularLabel, WidgetCard, WidgetSection } from '../../shared/widgets'
import { editorialOverview } from '../editorial'

/** The editor's dashboard widget: drafts in progress, what is scheduled, what went out last. */
export async function WritingWidget({ req }: WidgetServerProps) {
  const text = devlogText(req)
  const { drafts, scheduled, published } = await editorialOverview(req)
  const link = (entry: { collection: string; id: string | number; title: string }) => (
    <a href={editURL(req, entry.collection, entry.id)}>{entry.title}</a>
  )
  return (
    <WidgetCard title={text('dashboardWriting')} className="devlog-widget-writing">
      <WidgetSection
        heading={text('dashboardDrafts')}
        empty={text('dashboardNoDrafts')}
        items={drafts.map((entry) => ({
          key: `${entry.collection}-${entry.id}`,
          content: (
            <>
              {link(entry)}
              <Muted>
                {singularLabel(req, entry.collection)} ·{' '}
                {text(entry.everPublished ? 'dashboardUnpublishedChanges' : 'dashboardNeverPublished')} ·{' '}
                {text('dashboardEdited', { at: formatDateTime(req, entry.updatedAt) })}
              </Muted>
            </>
          ),
        }))}
      />
      <WidgetSection
        heading={text('dashboardScheduled')}
        empty={text('dashboardNoScheduled')}
        items={scheduled.map((entry) => ({
          key: `${entry.collection}-${entry.id}-${entry.at}`,
          content: (
            <>
              {link(entry)}
              <Muted>
                {singularLabel(req, entry.collection)} ·{' '}
                {text(entry.type === 'publish' ? 'dashboardPublishesAt' : 'dashboardUnpublishesAt', {
                  at: formatDateTime(req, entry.at),
                })}
              </Muted>
            </>
          ),
        }))}
      />
      <WidgetSection
        heading={text('dashboardLatestPublished')}
        empty={text('dashboardNothingPublished')}
        items={published.map((entry) => ({
          key: `${entry.collection}-${entry.id}`,
          content: (
            <>
              {link(entry)}
              <Muted>
                {singularLabel(req, entry.collection)}
                {entry.publishedAt ? ` · ${formatDateTime(req, entry.publishedAt)}` : ''}
              </Muted>
            </>
          ),
        }))}
      />
    </WidgetCard>
  )
}
