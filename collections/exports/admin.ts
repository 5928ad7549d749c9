'use client'

export { MergeTagField } from '../blog/admin/MergeTagField'
export { FeedCheckButton } from '../studyGroups/admin/FeedCheckButton'
export { RosterBoardField } from '../studyGroups/admin/RosterBoardField'
export { CodeBlockEditor } from '../shared/richtext/blocks/CodeBlockEditor'
export { CodeFenceFeatureClient } from '../shared/richtext/codeFence/client'
