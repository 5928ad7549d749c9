import type { DevlogLabelKey } from '../shared/lib/labels'

/** Where a retrospective's goal stands. */
export const GOAL_STATUSES = ['planned', 'in-progress', 'achieved', 'missed', 'dropped'] as const
export type GoalStatus = (typeof GOAL_STATUSES)[number]

/** Each goal status's text in Devlog's translations. */
export const GOAL_STATUS_LABELS = {
  planned: 'plannedRetrospectives',
  'in-progress': 'inProgress',
  achieved: 'achieved',
  missed: 'missed',
  dropped: 'droppedRetrospectives',
} as const satisfies Record<GoalStatus, DevlogLabelKey>

/** Goals a later retrospective carries over. */
export const UNFINISHED_STATUSES = ['planned', 'in-progress', 'missed'] as const satisfies readonly GoalStatus[]
