/** Where a retrospective's goal stands. */
export const GOAL_STATUSES = ['planned', 'in-progress', 'achieved', 'missed', 'dropped'] as const
export type GoalStatus = (typeof GOAL_STATUSES)[number]

/** Goals a later retrospective carries over. */
export const UNFINISHED_STATUSES = ['planned', 'in-progress', 'missed'] as const satisfies readonly GoalStatus[]
