export { WritingWidget } from '../blog/admin/WritingWidget'
export { GoalsWidget } from '../retrospectives/admin/GoalsWidget'
export { CohortsWidget } from '../studyGroups/admin/CohortsWidget'
