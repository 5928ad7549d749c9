/**
 * A deterministic corpus of blog posts for the benchmarks: Korean and English, about 5 KB of
 * Markdown each with headings, lists, a table, a quote, links and code fences in several
 * languages, tagged from a fixed set of 30 tags. The same index always gives the same post.
 */

export const TAG_NAMES = [
  'kubernetes',
  'terraform',
  'aws',
  'gcp',
  'docker',
  'linux',
  'networking',
  'observability',
  'prometheus',
  'grafana',
  'ci-cd',
  'github-actions',
  'argocd',
  'helm',
  'ansible',
  'postgres',
  'redis',
  'kafka',
  'nginx',
  'go',
  'python',
  'typescript',
  'security',
  'sre',
  'incident',
  '클라우드',
  '자동화',
  '운영체제',
  '데이터베이스',
  '네트워크',
] as const

export type CorpusPost = {
  title: string
  slug: string
  excerpt: string
  tags: string[]
  publishedAt: string
  language: 'ko' | 'en'
  markdown: string
}

/** mulberry32: small, fast and good enough to vary text; seeded so runs are comparable. */
function random(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const KOREAN = [
  '쿠버네티스 클러스터에서 파드가 주기적으로 재시작되는 원인을 추적했다.',
  '메모리 제한을 너무 낮게 잡으면 OOMKilled 이벤트가 반복된다.',
  '테라폼 상태 파일은 원격 백엔드에 두고 잠금을 켜 두어야 한다.',
  '장애 회고에서는 사람보다 시스템과 절차를 먼저 본다.',
  '프로메테우스 알림 규칙은 증상 기준으로 작성하는 편이 운영 부담이 적다.',
  '배포 파이프라인에 스모크 테스트를 넣은 뒤로 롤백 횟수가 줄었다.',
  '네트워크 정책을 기본 거부로 바꾸고 필요한 통신만 열었다.',
  '데이터베이스 커넥션 풀 크기는 코어 수와 디스크 특성을 함께 고려해 정한다.',
  '로그는 구조화해서 남기고 추적 아이디를 모든 요청에 붙였다.',
  '스터디에서 운영체제의 페이지 캐시 동작을 직접 실험해 보았다.',
]
const ENGLISH = [
  'We traced the pods that restarted every few hours back to a memory limit set too low.',
  'Keeping Terraform state in a remote backend with locking avoids two applies racing.',
  'A blameless incident review looks at systems and procedures before people.',
  'Alerting on symptoms rather than causes kept the on-call rotation quiet.',
  'Adding a smoke test to the deploy pipeline cut the number of rollbacks in half.',
  'Default-deny network policies forced us to write down every dependency between services.',
  'Connection pool sizes depend on core count and on how the disks behave under load.',
  'Structured logs with a trace id on every request made the dashboards useful again.',
  'In the study group we measured how the page cache behaves under memory pressure.',
  'Kubernetes readiness probes should check what the pod needs, not what it merely has.',
]
const TOPICS_KO = [
  '쿠버네티스 운영',
  '테라폼 모듈 설계',
  '장애 대응',
  '관측 가능성',
  '배포 자동화',
  '데이터베이스 튜닝',
]
const TOPICS_EN = [
  'Running Kubernetes',
  'Terraform modules',
  'Incident response',
  'Observability',
  'Deploy automation',
  'Database tuning',
]

const CODE_SAMPLES: { language: string; code: string }[] = [
  {
    language: 'bash',
    code: 'kubectl get pods -A --field-selector=status.phase!=Running\nkubectl describe pod "$POD" -n "$NAMESPACE" | tail -n 20',
  },
  {
    language: 'yaml',
    code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n        - name: api\n          image: registry.example.com/api:1.4.2\n          resources:\n            limits:\n              memory: 512Mi',
  },
  {
    language: 'go',
    code: 'func retry(ctx context.Context, attempts int, fn func() error) error {\n\tvar err error\n\tfor i := 0; i < attempts; i++ {\n\t\tif err = fn(); err == nil {\n\t\t\treturn nil\n\t\t}\n\t\ttime.Sleep(time.Duration(1<<i) * 100 * time.Millisecond)\n\t}\n\treturn err\n}',
  },
  {
    language: 'typescript',
    code: 'export async function healthy(url: string): Promise<boolean> {\n  const response = await fetch(`${url}/healthz`)\n  return response.ok\n}',
  },
  {
    language: 'python',
    code: 'def p99(samples: list[float]) -> float:\n    ordered = sorted(samples)\n    return ordered[int(len(ordered) * 0.99) - 1]',
  },
  {
    language: 'hcl',
    code: 'resource "aws_s3_bucket" "state" {\n  bucket = "devlog-terraform-state"\n}\n\nterraform {\n  backend "s3" {\n    bucket         = "devlog-terraform-state"\n    dynamodb_table = "terraform-locks"\n  }\n}',
  },
]

const pad = (index: number) => String(index).padStart(4, '0')

export function corpusPost(index: number): CorpusPost {
  const next = random(index + 1)
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]
  const language: 'ko' | 'en' = index % 2 === 0 ? 'ko' : 'en'
  const sentences = language === 'ko' ? KOREAN : ENGLISH
  const paragraph = (count: number) => Array.from({ length: count }, () => pick(sentences)).join(' ')
  const topic = pick(language === 'ko' ? TOPICS_KO : TOPICS_EN)
  const tags = [...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(TAG_NAMES)))]
  const [first, second] = [pick(CODE_SAMPLES), pick(CODE_SAMPLES)]
  const day = new Date(Date.UTC(2019, 0, 1) + index * 2.5 * 86_400_000)
  const title = language === 'ko' ? `${topic} 노트 ${index + 1}` : `${topic}, notes ${index + 1}`
  const headings =
    language === 'ko'
      ? ['배경', '원인 분석', '해결 방법', '정리']
      : ['Background', 'Root cause', 'The fix', 'Takeaways']

  const fence = (sample: { language: string; code: string }) => `\`\`\`${sample.language}\n${sample.code}\n\`\`\``
  const markdown = [
    paragraph(4),
    `## ${headings[0]}`,
    paragraph(5),
    paragraph(4),
    `## ${headings[1]}`,
    paragraph(3),
    fence(first),
    paragraph(4),
    [1, 2, 3].map(() => `- ${pick(sentences)}`).join('\n'),
    `## ${headings[2]}`,
    [
      '| 항목 | Before | After |',
      '| --- | --- | --- |',
      `| p99 latency | ${200 + (index % 50)} ms | ${80 + (index % 20)} ms |`,
      `| restarts/day | ${index % 9} | 0 |`,
    ].join('\n'),
    paragraph(4),
    paragraph(3),
    fence(second),
    `> ${pick(sentences)}`,
    paragraph(4),
    `### ${headings[3]}`,
    paragraph(5),
    [1, 2].map((n) => `${n}. ${pick(sentences)}`).join('\n'),
    `[${language === 'ko' ? '참고 문서' : 'Reference'}](https://kubernetes.io/docs/concepts/workloads/pods/)`,
  ].join('\n\n')

  return {
    title,
    slug: `${language === 'ko' ? 'note' : 'notes'}-${pad(index + 1)}`,
    excerpt: paragraph(1),
    tags,
    publishedAt: day.toISOString(),
    language,
    markdown,
  }
}
