import type { Endpoint } from 'payload'

import { body } from '../../src/roster/http'
import { submitWork, type SubmitInput } from '../../src/roster/submit'

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
