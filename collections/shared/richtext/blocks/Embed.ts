import type { Block, PayloadRequest } from 'payload'

import { devlogOptions } from '../../../options'
import { embedHosts, resolveEmbed } from '../../lib/embeds'
import { label } from '../../lib/labels'

export const EmbedBlock: Block = {
  slug: 'embed',
  interfaceName: 'EmbedBlock',
  labels: { singular: label('Embed', '임베드'), plural: label('Embeds', '임베드') },
  fields: [
    {
      name: 'url',
      type: 'text',
      label: label('URL', 'URL'),
      required: true,
      admin: {
        description: label(
          'YouTube, GitHub gist, or a page on a host the site allows.',
          'YouTube, GitHub gist, 또는 사이트가 허용한 호스트의 페이지.',
        ),
      },
      validate: (value: string | null | undefined, { req }: { req: PayloadRequest }) => {
        if (!value) return 'An embed needs a URL.'
        const embed = resolveEmbed(value, embedHosts(devlogOptions(req.payload.config).embedHosts))
        return 'error' in embed ? embed.error : true
      },
    },
    { name: 'caption', type: 'text', label: label('Caption', '캡션'), maxLength: 300 },
  ],
}
