import type { WidgetServerProps } from 'payload'

import { hasRole } from '../../shared/access/roles'
import { devlogText } from '../../shared/lib/labels'
import { editURL, formatDateTime, WidgetCard } from '../../shared/widgets'
import { cohortsThisWeek, type WeekPerson } from '../roster/thisWeek'

/** Names shown per list before "+N"; the board has everyone. */
const NAMES_SHOWN = 12

/**
 * The operator's dashboard widget: each active cohort they run, with who has submitted for this
 * week's session, who has not and who is at risk, each list linking into the roster board
 * filtered to it.
 */
export async function CohortsWidget({ req }: WidgetServerProps) {
  const text = devlogText(req)
  // Anyone may add the widget to their dashboard; those who run no cohort see it empty.
  const cohorts = hasRole(req.user, 'admin', 'operator') ? await cohortsThisWeek(req) : []
  return (
    <WidgetCard title={text('dashboardCohorts')} className="devlog-widget-cohorts">
      {cohorts.length === 0 && <p>{text('dashboardNoCohorts')}</p>}
      {cohorts.map((week) => {
        const board = editURL(req, 'cohorts', week.cohort.id)
        const list = (heading: string, people: WeekPerson[], filter: string, tone: string) => (
          <div className={`devlog-week-${filter}`} style={{ flex: '1 1 12rem', minWidth: 0 }}>
            <h4 style={{ margin: '0 0 4px', fontSize: 13 }}>
              <a href={`${board}?roster=${filter}#roster`} style={{ color: tone }}>
                {heading} {people.length}
              </a>
            </h4>
            <p style={{ margin: 0, fontSize: 13 }}>
              {people.length === 0
                ? text('dashboardNobody')
                : people.slice(0, NAMES_SHOWN).map((person, index) => (
                    <span key={String(person.membershipId)}>
                      {index > 0 && ', '}
                      {person.submissionId !== null ? (
                        <a href={editURL(req, 'submissions', person.submissionId)}>{person.displayName}</a>
                      ) : (
                        person.displayName
                      )}
                    </span>
                  ))}
              {people.length > NAMES_SHOWN && ` +${people.length - NAMES_SHOWN}`}
            </p>
          </div>
        )
        return (
          <article
            key={String(week.cohort.id)}
            className="devlog-week"
            style={{ borderTop: '1px solid var(--theme-elevation-100)', paddingBlock: 'calc(var(--base) / 2)' }}
          >
            <h4 style={{ margin: 0 }}>
              <a href={`${board}#roster`}>
                {week.cohort.groupName} · {week.cohort.label}
              </a>
            </h4>
            <p style={{ margin: '2px 0 8px', color: 'var(--theme-elevation-600)', fontSize: 13 }}>
              {week.session
                ? text('dashboardSessionDue', {
                    week: text('rosterWeek', { number: week.session.number }),
                    deadline: formatDateTime(req, week.session.deadline ?? week.session.date, week.timeZone),
                  })
                : text('dashboardNoSessionLeft')}
            </p>
            <div style={{ display: 'flex', gap: 'var(--base)', flexWrap: 'wrap' }}>
              {week.session &&
                list(text('dashboardSubmitted'), week.submitted, 'submitted', 'var(--theme-success-600)')}
              {week.session &&
                list(text('dashboardNotSubmitted'), week.notSubmitted, 'not-submitted', 'var(--theme-warning-700)')}
              {list(text('dashboardAtRisk'), week.atRisk, 'at-risk', 'var(--theme-error-600)')}
            </div>
          </article>
        )
      })}
    </WidgetCard>
  )
}
