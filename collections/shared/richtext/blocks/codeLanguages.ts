export const CODE_LANGUAGES = [
  'text',
  'bash',
  'shell',
  'yaml',
  'json',
  'toml',
  'hcl',
  'dockerfile',
  'nginx',
  'sql',
  'python',
  'go',
  'rust',
  'java',
  'kotlin',
  'javascript',
  'typescript',
  'tsx',
  'c',
  'cpp',
  'csharp',
  'ruby',
  'php',
  'lua',
  'html',
  'css',
  'markdown',
  'diff',
  'ini',
  'promql',
  'graphql',
  'protobuf',
  'makefile',
] as const

export type CodeLanguage = (typeof CODE_LANGUAGES)[number]

/** Monaco's language for a code block's, where they differ; Monaco colours nothing for `plaintext`. */
const MONACO_LANGUAGES: Partial<Record<CodeLanguage, string>> = {
  text: 'plaintext',
  bash: 'shell',
  toml: 'ini',
  tsx: 'typescript',
  protobuf: 'proto',
  nginx: 'plaintext',
  diff: 'plaintext',
  promql: 'plaintext',
  makefile: 'plaintext',
}

export const monacoLanguage = (language: string | undefined): string =>
  !language ? 'plaintext' : (MONACO_LANGUAGES[language as CodeLanguage] ?? language)
