import type { CollectionConfig } from 'payload'

/**
 * Drafts of posts and retrospectives: autosaved every 2 s once the document exists, publishing on
 * a schedule, at most 50 versions kept. Drafts are validated like published documents (a title at
 * least): otherwise Payload creates an empty draft the moment "Create New" opens, to have
 * something to autosave, and every abandoned attempt stays behind. So the first save ("Save
 * draft" or "Publish") creates the document, and autosave takes over from there.
 */
export const EDITORIAL_VERSIONS = {
  drafts: { autosave: { interval: 2000, showSaveDraftButton: true }, schedulePublish: true, validate: true },
  maxPerDoc: 50,
} satisfies CollectionConfig['versions']
