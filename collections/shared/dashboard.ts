import type { Config, PayloadRequest, Widget, WidgetInstance, WidgetWidth } from 'payload'

/** A dashboard widget a feature adds, and who finds it on their dashboard before arranging it. */
export type DevlogWidget = Widget & {
  /** Its width in the default layout. */
  width: WidgetWidth
  /** Whether the default layout of the signed-in user includes it (anyone may still add it). */
  shownTo: (req: PayloadRequest) => boolean | Promise<boolean>
}

/** Payload's own default layout: the collection cards. */
const PAYLOAD_DEFAULT_LAYOUT: WidgetInstance[] = [{ widgetSlug: 'collections', width: 'full' } as WidgetInstance]

/**
 * Adds the features' widgets to the admin's modular dashboard. The default layout (what a user
 * sees until they arrange their own) puts the widgets meant for the user first, then the host's
 * layout, or Payload's collection cards when the host has none.
 */
export function withDashboardWidgets(admin: Config['admin'], widgets: DevlogWidget[]): Config['admin'] {
  if (!widgets.length) return admin
  const host = admin?.dashboard
  const hostLayout = host?.defaultLayout ?? PAYLOAD_DEFAULT_LAYOUT
  return {
    ...admin,
    dashboard: {
      ...host,
      widgets: [...(host?.widgets ?? []), ...widgets.map(({ shownTo: _shownTo, width: _width, ...widget }) => widget)],
      defaultLayout: async ({ req }) => {
        const shown = await Promise.all(widgets.map((widget) => widget.shownTo(req)))
        const own = widgets
          .filter((_, index) => shown[index])
          .map(({ slug, width }) => ({ widgetSlug: slug, width }) as WidgetInstance)
        const rest = typeof hostLayout === 'function' ? await hostLayout({ req }) : hostLayout
        return [...own, ...rest]
      },
    },
  }
}
