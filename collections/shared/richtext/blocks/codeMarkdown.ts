import { CODE_LANGUAGES } from './codeLanguages'

const ALIASES: Record<string, (typeof CODE_LANGUAGES)[number]> = {
  sh: 'bash',
  zsh: 'shell',
  console: 'shell',
  yml: 'yaml',
  tf: 'hcl',
  terraform: 'hcl',
  py: 'python',
  golang: 'go',
  rs: 'rust',
  js: 'javascript',
  mjs: 'javascript',
  ts: 'typescript',
  'c++': 'cpp',
  cs: 'csharp',
  rb: 'ruby',
  md: 'markdown',
  docker: 'dockerfile',
  make: 'makefile',
  proto: 'protobuf',
  gql: 'graphql',
  plaintext: 'text',
  txt: 'text',
}

/** The block's language for a fence's info string: known names and common aliases, else `text`. */
export function normaliseLanguage(raw: string | undefined): (typeof CODE_LANGUAGES)[number] {
  const name = (raw ?? '').trim().toLowerCase()
  if ((CODE_LANGUAGES as readonly string[]).includes(name)) return name as (typeof CODE_LANGUAGES)[number]
  return ALIASES[name] ?? 'text'
}

/** `title="x.ts"`, `filename=x.ts` or `{1,3-5}` in a fence's info string after the language. */
export function parseFenceMeta(meta: string | undefined): { filename?: string; highlightLines?: string } {
  if (!meta) return {}
  const filename = /(?:title|filename|file)=(?:"([^"]+)"|'([^']+)'|(\S+))/.exec(meta)
  const lines = /\{([\d,\s-]+)\}/.exec(meta)
  return {
    ...(filename ? { filename: filename[1] ?? filename[2] ?? filename[3] } : {}),
    ...(lines ? { highlightLines: lines[1].replace(/\s+/g, '') } : {}),
  }
}

type CodeFields = { language?: string; code?: string; filename?: string | null; highlightLines?: string | null }

/**
 * Markdown ⇄ code block, used by Payload's Markdown conversion (imports, exports, seeds):
 * ```` ```ts title="app.ts" {2} ```` fences keep their language, file name and highlighted lines.
 */
export const codeMarkdownConverter = {
  customStartRegex: /^[ \t]*```([\w+#.-]+)?(?:[ \t]+([^\n]*))?$/,
  customEndRegex: { optional: true, regExp: /[ \t]*```$/ },
  doNotTrimChildren: true,
  import: ({ children, openMatch }: { children: string; openMatch?: RegExpMatchArray | null }) => {
    let code = children
    if (code.startsWith('\n')) code = code.slice(1)
    if (code.endsWith('\n')) code = code.slice(0, -1)
    return { language: normaliseLanguage(openMatch?.[1]), code, ...parseFenceMeta(openMatch?.[2]) }
  },
  export: ({ fields }: { fields: CodeFields }) => {
    const meta = [
      fields.filename ? `title="${fields.filename}"` : '',
      fields.highlightLines ? `{${fields.highlightLines}}` : '',
    ].filter(Boolean)
    const info = [fields.language && fields.language !== 'text' ? fields.language : '', ...meta].join(' ').trim()
    return '```' + info + '\n' + (fields.code ?? '') + '\n```'
  },
}
