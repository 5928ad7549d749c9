import type { DocumentBase, LinkRow, Relation } from '../shared/documents'
import type { Role } from '../shared/access/roles'

export type User = DocumentBase & {
  email: string
  name?: string | null
  roles?: Role[] | null
  bio?: string | null
  avatar?: Relation | null
  links?: LinkRow[] | null
}

export type Media = DocumentBase & {
  alt: string
  caption?: string | null
  url?: string | null
  filename?: string | null
  mimeType?: string | null
  width?: number | null
  height?: number | null
}
