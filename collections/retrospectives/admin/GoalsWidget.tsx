import type { WidgetServerProps } from 'payload'

import { devlogText } from '../../shared/lib/labels'
import { editURL, Muted, WidgetCard, WidgetSection } from '../../shared/widgets'
import { GOAL_STATUS_LABELS } from '../constants'
import { latestRetrospectiveGoals } from '../latestGoals'

/** The editor's dashboard widget: where the goals of the latest retrospective stand. */
export async function GoalsWidget({ req }: WidgetServerProps) {
  const text = devlogText(req)
  const latest = await latestRetrospectiveGoals(req)
  return (
    <WidgetCard title={text('dashboardGoals')} className="devlog-widget-goals">
      {!latest ? (
        <p>{text('dashboardNoRetrospective')}</p>
      ) : (
        <>
          <p style={{ margin: 0 }}>
            <a href={editURL(req, 'retrospectives', latest.retrospective.id)}>{latest.retrospective.title}</a>
          </p>
          {latest.byStatus.length === 0 && <p>{text('dashboardNoGoals')}</p>}
          {latest.byStatus.map((group) => (
            <WidgetSection
              key={group.status}
              heading={`${text(GOAL_STATUS_LABELS[group.status])} (${group.goals.length})`}
              empty=""
              items={group.goals.map((goal) => ({
                key: goal.id,
                content: (
                  <>
                    {goal.text}
                    {goal.area && <Muted>{goal.area}</Muted>}
                  </>
                ),
              }))}
            />
          ))}
        </>
      )}
    </WidgetCard>
  )
}
