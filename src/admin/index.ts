export { MergeTagField } from './MergeTagField'
