import { createRequire } from 'node:module'
import path from 'node:path'

/**
 * Where Devlog's server serves Monaco, the code blocks' editor (the plugin's
 * `codeEditor.monacoURL`): from the app's own origin, so the admin needs no CDN and keeps its
 * content security policy of `script-src 'self'`.
 */
export const MONACO_URL_PATH = '/_devlog/monaco/vs'

/** The installed `monaco-editor`'s `min/vs` folder, which its AMD loader reads files from. */
export const monacoDirectory = (): string => path.dirname(createRequire(import.meta.url).resolve('monaco-editor'))
