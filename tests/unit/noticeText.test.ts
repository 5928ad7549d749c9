import { discordText, slackText } from '../../collections/studyGroups/notices/deliver'

describe('notice text for Slack and Discord', () => {
  it('shows Slack markup a member typed as text: no channel ping, no disguised link', () => {
    const text = slackText('미제출: <!channel>, <https://evil.example|Pay your fine> & 김하나')
    expect(text).toBe('미제출: &lt;!channel&gt;, &lt;https://evil.example|Pay your fine&gt; &amp; 김하나')
    expect(text).not.toMatch(/[<>]/)
  })

  it('shows Discord Markdown a member typed as text, and leaves web addresses linkable', () => {
    expect(discordText('[Pay your fine](https://evil.example) ||spoiler|| **bold** <@123> @everyone')).toBe(
      '\\[Pay your fine\\](https://evil.example) \\|\\|spoiler\\|\\| \\*\\*bold\\*\\* \\<\\@123> \\@everyone',
    )
    expect(discordText('# heading\n> quote\n- item')).toBe('\\# heading\n\\> quote\n\\- item')
    expect(discordText('글: https://velog.io/@hana/my_post 마감 20:00')).toBe(
      '글: https://velog.io/@hana/my_post 마감 20:00',
    )
  })
})
