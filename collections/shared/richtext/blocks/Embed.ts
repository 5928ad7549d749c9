import type { Block, PayloadRequest } from 'payload'

import { devlogOptions } from '../../../options'
import { embedHosts, resolveEmbed } from '../../lib/embeds'
import { label } from '../../lib/labels'

export const EmbedBlock: Block = {
  slug: 'embed',
  interfaceName: 'EmbedBlock',
  labels: { singular: label('embed'), plural: label('embeds') },
  fields: [
    {
      name: 'url',
      type: 'text',
      label: label('url'),
      required: true,
      admin: {
        description: label('youtubeGitHubGistOrA'),
      },
      validate: (value: string | null | undefined, { req }: { req: PayloadRequest }) => {
        if (!value) return 'An embed needs a URL.'
        const embed = resolveEmbed(value, embedHosts(devlogOptions(req.payload.config).embedHosts))
        return 'error' in embed ? embed.error : true
      },
    },
    { name: 'caption', type: 'text', label: label('caption'), maxLength: 300 },
  ],
}
