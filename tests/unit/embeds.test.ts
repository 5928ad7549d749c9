import { embedHosts, resolveEmbed } from '../../collections/shared/lib/embeds'

describe('resolveEmbed', () => {
  it('turns YouTube page URLs into privacy-enhanced embed URLs', () => {
    for (const url of [
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      'https://youtu.be/dQw4w9WgXcQ',
      'https://youtube.com/shorts/dQw4w9WgXcQ',
    ]) {
      expect(resolveEmbed(url)).toMatchObject({
        provider: 'youtube',
        src: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
      })
    }
  })

  it('turns a gist URL into its embeddable page', () => {
    expect(resolveEmbed('https://gist.github.com/octocat/6cad326836d38bd3a7ae')).toEqual({
      provider: 'gist',
      src: 'https://gist.github.com/octocat/6cad326836d38bd3a7ae.pibb',
      url: 'https://gist.github.com/octocat/6cad326836d38bd3a7ae',
    })
  })

  it('frames other allowed hosts as given', () => {
    expect(resolveEmbed('https://codepen.io/team/pen/abc')).toMatchObject({
      provider: 'iframe',
      src: 'https://codepen.io/team/pen/abc',
    })
  })

  it('refuses hosts outside the allow-list, plain http and non-URLs', () => {
    expect(resolveEmbed('https://evil.example.com/x')).toEqual({
      error: expect.stringMatching(/evil\.example\.com are not allowed/),
    })
    expect(resolveEmbed('http://www.youtube.com/watch?v=dQw4w9WgXcQ')).toEqual({ error: 'Embeds must use https.' })
    expect(resolveEmbed('not a url')).toEqual({ error: expect.stringMatching(/not an absolute URL/) })
    expect(resolveEmbed('https://gist.github.com/../../etc')).toEqual({ error: expect.stringMatching(/gist URL/) })
  })

  it('accepts the extra hosts a site allows', () => {
    const hosts = embedHosts(['grafana.example.com', ' Demo.Example.org'])
    expect(hosts).toEqual(expect.arrayContaining(['grafana.example.com', 'demo.example.org', 'gist.github.com']))
    expect(resolveEmbed('https://grafana.example.com/d/abc', hosts)).toMatchObject({ provider: 'iframe' })
  })
})
