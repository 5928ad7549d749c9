'use client'

import {
  $createBlockNode,
  BlockNode,
  createClientFeature,
  useEditorConfigContext,
} from '@payloadcms/richtext-lexical/client'
import {
  $createParagraphNode,
  $getSelection,
  $isParagraphNode,
  $isRangeSelection,
  COMMAND_PRIORITY_HIGH,
  KEY_ENTER_COMMAND,
  PASTE_COMMAND,
  type ElementNode,
} from '@payloadcms/richtext-lexical/lexical'
import {
  $convertFromMarkdownString,
  type MultilineElementTransformer,
} from '@payloadcms/richtext-lexical/lexical/markdown'
import { useLexicalComposerContext } from '@payloadcms/richtext-lexical/lexical/react/LexicalComposerContext'
import { useEffect } from 'react'

import { codeMarkdownConverter, normaliseLanguage, parseFenceMeta } from '../blocks/codeMarkdown'

/**
 * A fence line as the importer reads it, except that it never ends in whitespace: Lexical tries
 * shortcuts on every typed space and, on a match, removes the typed text before converting, so
 * the fence converts on Enter (below) once its `title="…"` and `{…}` are complete.
 */
const FENCE = /^[ \t]*```([\w+#.-]+)?(?:[ \t]+(\S(?:[^\n]*\S)?))?$/

/** The code block a fence line opens (`language`, then `title="…"` and `{…}` if given). */
const $createCodeBlock = (match: string[], code = '') =>
  $createBlockNode({
    blockType: 'code',
    blockName: '',
    language: normaliseLanguage(match[1]),
    code,
    ...parseFenceMeta(match[2]),
  })

/** Puts a code block where the fence's paragraph was, with a paragraph after it to write on. */
function $replaceWithCodeBlock(paragraph: ElementNode, match: string[]) {
  const block = $createCodeBlock(match)
  paragraph.replace(block)
  if (!block.getNextSibling()) block.insertAfter($createParagraphNode())
  block.selectNext()
}

/** Fenced code in Markdown being converted (a paste). */
const CODE_FENCE: MultilineElementTransformer = {
  type: 'multiline-element',
  dependencies: [BlockNode],
  regExpStart: FENCE,
  regExpEnd: { optional: true, regExp: codeMarkdownConverter.customEndRegex.regExp },
  export: () => null,
  replace: (parent, _children, startMatch, _endMatch, linesInBetween, isImport) => {
    if (!isImport) return $replaceWithCodeBlock(parent, startMatch)
    parent.append($createCodeBlock(startMatch, (linesInBetween ?? []).join('\n').replace(/^\n|\n$/g, '')))
  },
}

const looksLikeMarkdown = (text: string) => /^(#{1,6} |```|[-*+] |\d+\. |> )/m.test(text) && text.includes('\n')

function CodeFencePlugin() {
  const [editor] = useLexicalComposerContext()
  const { editorConfig } = useEditorConfigContext()
  const transformers = editorConfig.features.markdownTransformers

  useEffect(
    () =>
      editor.registerCommand(
        KEY_ENTER_COMMAND,
        (event) => {
          const selection = $getSelection()
          if (!$isRangeSelection(selection) || !selection.isCollapsed()) return false
          const paragraph = selection.anchor.getNode().getTopLevelElement()
          if (!$isParagraphNode(paragraph)) return false
          const match = FENCE.exec(paragraph.getTextContent().trimEnd())
          if (!match) return false
          event?.preventDefault()
          $replaceWithCodeBlock(paragraph, match)
          return true
        },
        COMMAND_PRIORITY_HIGH,
      ),
    [editor],
  )

  useEffect(
    () =>
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          if (!(event instanceof ClipboardEvent) || !event.clipboardData) return false
          // Rich text (a web page, a document) keeps Lexical's own paste.
          if (event.clipboardData.types.includes('text/html')) return false
          const text = event.clipboardData.getData('text/plain')
          if (!looksLikeMarkdown(text)) return false
          const selection = $getSelection()
          if (!$isRangeSelection(selection)) return false
          event.preventDefault()
          const holder = $createParagraphNode()
          $convertFromMarkdownString(text, [...transformers, CODE_FENCE] as never, holder, true)
          selection.insertNodes(holder.getChildren())
          return true
        },
        COMMAND_PRIORITY_HIGH,
      ),
    [editor, transformers],
  )
  return null
}

export const CodeFenceFeatureClient = createClientFeature({
  markdownTransformers: [CODE_FENCE],
  plugins: [{ Component: CodeFencePlugin, position: 'normal' }],
})
