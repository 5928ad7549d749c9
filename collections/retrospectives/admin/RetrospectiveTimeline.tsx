import { createLocalReq, type BeforeListServerProps } from 'payload'

import { devlogText } from '../../shared/lib/labels'
import { Muted, WidgetCard } from '../../shared/widgets'
import { buildTimeline } from '../Retrospectives/timeline'

/**
 * Above the retrospectives list: the published periods by year, newest first, each with its goals
 * achieved and the goals it carried over from an earlier retrospective.
 */
export async function RetrospectiveTimeline({ payload, user, i18n }: BeforeListServerProps) {
  const text = devlogText(i18n)
  const years = await buildTimeline(payload, await createLocalReq({ user: user ?? undefined }, payload))
  const edit = (id: number | string) => `${payload.config.routes.admin}/collections/retrospectives/${id}`
  return (
    // In line with the list below it (Payload's gutter), with room before its heading.
    <div style={{ marginInline: 'var(--gutter-h)', marginBlock: 'var(--base)' }}>
      <WidgetCard title={text('retrospectiveTimeline')} className="devlog-retrospective-timeline">
        {years.length === 0 ? (
          <p style={{ margin: 0 }}>{text('retrospectiveTimelineEmpty')}</p>
        ) : (
          <ol style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 'calc(var(--base) / 2)' }}>
            {years.map((year) => (
              <li key={year.year}>
                <h4 style={{ margin: '0 0 4px' }}>
                  {year.year}
                  {year.achievedShare !== null && (
                    <Muted>
                      {text('retrospectiveTimelineAchieved', { percent: Math.round(year.achievedShare * 100) })}
                    </Muted>
                  )}
                </h4>
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {year.retrospectives.map((entry) => (
                    <li key={String(entry.id)} style={{ marginBlock: 2 }}>
                      <a href={edit(entry.id)}>{entry.title}</a>
                      {entry.goals.total > 0 && (
                        <Muted>
                          {text('retrospectiveTimelineGoals', {
                            achieved: entry.goals.achieved,
                            total: entry.goals.total,
                          })}
                        </Muted>
                      )}
                      {entry.carried > 0 && (
                        <Muted>{text('retrospectiveTimelineCarried', { count: entry.carried })}</Muted>
                      )}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        )}
      </WidgetCard>
    </div>
  )
}
