import type { Endpoint } from 'payload'

import { body } from '../../shared/endpoints.js'
import { submitWork, type SubmitInput } from '../roster/submit.js'

export const submissionEndpoints: Endpoint[] = [
  {
    path: '/submit',
    method: 'post',
    handler: async (req) => {
      const result = await submitWork(req, await body<SubmitInput>(req))
      return Response.json(result, { status: result.created ? 201 : 200 })
    },
  },
]
