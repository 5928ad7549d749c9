import type { Block } from 'payload'

import { resolveEmbed } from '../../lib/embeds.js'
import { label } from '../../lib/labels.js'

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
          'YouTube, GitHub gist, or a page on an allowed host (EMBED_ALLOWED_HOSTS).',
          'YouTube, GitHub gist, 또는 허용된 호스트(EMBED_ALLOWED_HOSTS)의 페이지.',
        ),
      },
      validate: (value: string | null | undefined) => {
        if (!value) return 'An embed needs a URL.'
        const embed = resolveEmbed(value)
        return 'error' in embed ? embed.error : true
      },
    },
    { name: 'caption', type: 'text', label: label('Caption', '캡션'), maxLength: 300 },
  ],
}
