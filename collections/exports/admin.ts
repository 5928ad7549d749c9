'use client'

export { MergeTagField } from '../blog/admin/MergeTagField'
export { FeedCheckButton } from '../studyGroups/admin/FeedCheckButton'
export { InviteMemberButton } from '../studyGroups/admin/InviteMemberButton'
export { RosterBoardField } from '../studyGroups/admin/RosterBoardField'
export { CodeBlockEditor } from '../shared/richtext/blocks/CodeBlockEditor'
export { CodeBlockLabel } from '../shared/richtext/blocks/CodeBlockLabel'
export { CodeFenceFeatureClient } from '../shared/richtext/codeFence/client'
