export { MergeTagField } from './MergeTagField'
export { RosterBoardField } from './RosterBoardField'
