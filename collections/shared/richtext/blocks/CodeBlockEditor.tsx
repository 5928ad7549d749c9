'use client'

import { Editor, loader, type OnMount } from '@monaco-editor/react'
import { FieldError, FieldLabel, ShimmerEffect, useConfig, useField, useFormFields, useTheme } from '@payloadcms/ui'
import type { CodeFieldClientComponent } from 'payload'
import { useCallback, useState } from 'react'

import type { DevlogAdminSettings } from '../../../options'
import { monacoLanguage } from './codeLanguages'

const MIN_HEIGHT = 120
const MAX_HEIGHT = 640

let configuredURL: string | null = null

/**
 * Points the Monaco loader at the host's copy of the editor before the first editor starts.
 * Without a URL the loader keeps its default, a public CDN.
 */
function configureMonaco(url: string | null | undefined) {
  if (url && url !== configuredURL) {
    loader.config({ paths: { vs: url } })
    configuredURL = url
  }
}

/**
 * The `code` field of a code block: Monaco, coloured for the language chosen beside it in the
 * block, loaded from where the host serves it (`codeEditor.monacoURL`), growing with the code.
 */
export const CodeBlockEditor: CodeFieldClientComponent = ({ field, path: pathFromProps, readOnly }) => {
  const { config } = useConfig()
  configureMonaco((config.admin.custom?.devlog as DevlogAdminSettings | undefined)?.monacoURL)
  const { theme } = useTheme()
  const { path, value, setValue, showError, disabled } = useField<string | null>({
    potentiallyStalePath: pathFromProps,
  })
  const languagePath = [...path.split('.').slice(0, -1), 'language'].join('.')
  const language = useFormFields(([fields]) => fields[languagePath]?.value as string | undefined)
  const [height, setHeight] = useState(MIN_HEIGHT)

  const onMount = useCallback<OnMount>((editor) => {
    const fit = () => setHeight(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, editor.getContentHeight())))
    editor.onDidContentSizeChange(fit)
    fit()
  }, [])

  const locked = Boolean(readOnly || disabled)
  return (
    <div
      className={['field-type', 'code-field', showError && 'error', locked && 'read-only'].filter(Boolean).join(' ')}
    >
      <FieldLabel label={field.label} localized={field.localized} path={path} required={field.required} />
      <div className="field-type__wrap">
        <FieldError path={path} showError={showError} />
        <Editor
          className="code-editor"
          height={height}
          language={monacoLanguage(language)}
          loading={<ShimmerEffect height={height} />}
          onChange={(code) => {
            if (!locked) setValue(code ? code : null)
          }}
          onMount={onMount}
          options={{
            readOnly: locked,
            minimap: { enabled: false },
            scrollBeyondLastLine: false,
            scrollbar: { alwaysConsumeMouseWheel: false },
            overviewRulerBorder: false,
            hideCursorInOverviewRuler: true,
            wordWrap: 'on',
            tabSize: 2,
            fontSize: 13,
          }}
          theme={theme === 'dark' ? 'vs-dark' : 'vs'}
          value={value ?? ''}
          wrapperProps={{ id: `field-${path.replace(/\./g, '__')}`, 'data-language': monacoLanguage(language) }}
        />
      </div>
    </div>
  )
}
