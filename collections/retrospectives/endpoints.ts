import type { Endpoint } from 'payload'

import { buildTimeline } from './Retrospectives/timeline'

/** `GET /api/retrospectives/timeline`: the published retrospectives by year, for a front end's archive. */
export const retrospectiveEndpoints: Endpoint[] = [
  {
    path: '/timeline',
    method: 'get',
    handler: async (req) => Response.json({ years: await buildTimeline(req.payload, req) }),
  },
]
