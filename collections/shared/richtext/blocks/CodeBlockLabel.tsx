'use client'

import { Pill, useFormFields, useTranslation } from '@payloadcms/ui'

/**
 * A code block's header in the editor: "Code" and what the block holds, its file name or else
 * its language (`yaml`), where Payload would show the block's unnamed title ("Untitled").
 */
export function CodeBlockLabel() {
  const { t } = useTranslation()
  const filename = useFormFields(([fields]) => fields.filename?.value)
  const language = useFormFields(([fields]) => fields.language?.value)
  const holds = typeof filename === 'string' && filename.trim() ? filename : String(language || 'text')
  return (
    <div className="LexicalEditorTheme__block__block-label devlog-code-block-label">
      <Pill className="LexicalEditorTheme__block__block-pill" pillStyle="white" size="small">
        {(t as (key: string) => string)('devlog:code')}
      </Pill>
      <span className="devlog-code-block-label__holds">{holds}</span>
    </div>
  )
}
