import { MAX_SLUG_LENGTH, slugify, uniqueSlug, validateSlug } from '../../collections/shared/lib/slugify'

describe('slugify', () => {
  it.each([
    ['2021년 1분기 회고', '2021년-1분기-회고'],
    ['2024 회고', '2024-회고'],
    ['Hello, World!', 'hello-world'],
    ['  Docker & Kubernetes: 입문  ', 'docker-kubernetes-입문'],
    ['Café crème', 'cafe-creme'],
    ['a -- b __ c', 'a-b-c'],
    ['!!!', ''],
  ])('%s → %s', (input, expected) => {
    expect(slugify(input)).toBe(expected)
  })

  it('produces slugs that validateSlug accepts', () => {
    for (const title of ['2023년 상반기 회고', 'Reading Terraform plans without fear', 'K8s 1.30 업그레이드 후기']) {
      expect(validateSlug(slugify(title))).toBe(true)
    }
  })
})

describe('validateSlug', () => {
  it('accepts lower-case Latin, digits and Hangul with single hyphens', () => {
    expect(validateSlug('2021년-1분기-회고')).toBe(true)
    expect(validateSlug('terraform')).toBe(true)
  })

  it.each([['Upper'], ['two--hyphens'], ['-leading'], ['trailing-'], ['with space'], ['slash/inside'], ['']])(
    'refuses %p',
    (slug) => {
      expect(validateSlug(slug)).toEqual(expect.stringContaining('slug'))
    },
  )

  it('refuses an overlong slug', () => {
    expect(validateSlug('a'.repeat(MAX_SLUG_LENGTH + 1))).toMatch(/at most 120/)
  })
})

describe('uniqueSlug', () => {
  it('adds the first free numeric suffix', async () => {
    const taken = new Set(['post', 'post-2'])
    await expect(uniqueSlug('post', async (candidate) => taken.has(candidate))).resolves.toBe('post-3')
    await expect(uniqueSlug('free', async (candidate) => taken.has(candidate))).resolves.toBe('free')
  })
})
