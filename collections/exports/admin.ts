'use client'

export { MergeTagField } from '../blog/admin/MergeTagField'
export { RosterBoardField } from '../studyGroups/admin/RosterBoardField'
