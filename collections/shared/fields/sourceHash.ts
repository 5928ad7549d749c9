import type { TextField } from 'payload'

import { label } from '../lib/labels'

/**
 * The SHA-256 of the Markdown file (and its images) a document was last imported from: importing
 * the same file again finds the document and leaves it alone (`npm run import`).
 */
export const sourceHashField = (): TextField => ({
  name: 'sourceHash',
  type: 'text',
  index: true,
  label: label('importedFromSHA256'),
  // A duplicate was not imported: importing the file again must find the original only.
  hooks: { beforeDuplicate: [() => null] },
  admin: { readOnly: true, hidden: true },
})
