'use client'

export { MergeTagField } from '../blog/admin/MergeTagField.js'
export { RosterBoardField } from '../studyGroups/admin/RosterBoardField.js'
