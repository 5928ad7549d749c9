import type { PayloadRequest } from 'payload'

import { withDashboardWidgets, type DevlogWidget } from '../../collections/shared/dashboard'

const widget = (slug: string, shown: boolean): DevlogWidget => ({
  slug,
  Component: `payload-devlog/rsc#${slug}`,
  width: 'medium',
  shownTo: () => shown,
})
const req = {} as PayloadRequest

describe('adding the widgets to a host’s dashboard', () => {
  it('keeps the host’s widgets and layout after the ones shown to the user', async () => {
    const admin = withDashboardWidgets(
      {
        dashboard: {
          widgets: [{ slug: 'sales', Component: './Sales#default' }],
          defaultLayout: async () => [{ widgetSlug: 'sales', width: 'full' }] as never,
        },
      },
      [widget('devlog-a', true), widget('devlog-b', false)],
    )
    expect(admin?.dashboard?.widgets.map((each) => each.slug)).toEqual(['sales', 'devlog-a', 'devlog-b'])
    // Payload's config takes no extra keys on a widget.
    expect(admin?.dashboard?.widgets[1]).toEqual({ slug: 'devlog-a', Component: 'payload-devlog/rsc#devlog-a' })
    const layout = admin?.dashboard?.defaultLayout as (args: { req: PayloadRequest }) => Promise<unknown[]>
    expect(await layout({ req })).toEqual([
      { widgetSlug: 'devlog-a', width: 'medium' },
      { widgetSlug: 'sales', width: 'full' },
    ])
  })

  it('falls back to Payload’s collection cards when the host has no layout, and changes nothing without widgets', async () => {
    const admin = withDashboardWidgets({}, [widget('devlog-a', true)])
    const layout = admin?.dashboard?.defaultLayout as (args: { req: PayloadRequest }) => Promise<unknown[]>
    expect(await layout({ req })).toEqual([
      { widgetSlug: 'devlog-a', width: 'medium' },
      { widgetSlug: 'collections', width: 'full' },
    ])
    const untouched = { theme: 'dark' as const }
    expect(withDashboardWidgets(untouched, [])).toBe(untouched)
  })
})
