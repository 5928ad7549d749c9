export { WritingWidget } from '../blog/admin/WritingWidget'
export { GoalsWidget } from '../retrospectives/admin/GoalsWidget'
export { RetrospectiveTimeline } from '../retrospectives/admin/RetrospectiveTimeline'
export { CohortsWidget } from '../studyGroups/admin/CohortsWidget'
