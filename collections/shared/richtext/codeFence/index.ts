import { createServerFeature } from '@payloadcms/richtext-lexical'

/**
 * Markdown habits for code in the editor: typing ```` ```ts ```` and then Enter turns
 * the line into a code block of that language (with `title="…"` and `{2-4}` as in the importer),
 * and pasted Markdown text arrives converted, code fences included. Payload's blocks offer no
 * Markdown shortcut in the browser (their converters run on the server), hence this feature.
 */
export const codeFenceFeature = ({ componentsPath }: { componentsPath: string }) =>
  createServerFeature({
    key: 'devlogCodeFence',
    feature: { ClientFeature: `${componentsPath}#CodeFenceFeatureClient` },
  })()
