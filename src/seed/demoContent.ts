/** Demo content for a fresh development database: written for Devlog, in Korean and English. */
export const demoTags = [
  { name: 'Kubernetes', description: 'Container orchestration notes from production clusters.' },
  { name: 'Terraform', description: 'Infrastructure as code.' },
  { name: '회고', description: '분기와 연말에 쓰는 회고.' },
  { name: 'Observability', description: 'Metrics, logs and traces.' },
]

export const demoPosts: { title: string; tags: string[]; excerpt: string; markdown: string }[] = [
  {
    title: 'Kubernetes Pod이 OOMKilled로 재시작될 때 확인할 것들',
    tags: ['Kubernetes', 'Observability'],
    excerpt: 'requests와 limits, 커널 OOM killer, 그리고 JVM 힙 사이에서 메모리가 어디로 가는지 추적한 기록.',
    markdown: [
      '## 증상',
      '',
      '배포 직후 한 서비스의 Pod이 몇 분 간격으로 `OOMKilled` 상태로 재시작되었다.',
      '',
      '## 확인 순서',
      '',
      '1. `kubectl describe pod`로 마지막 종료 사유를 본다.',
      '2. 컨테이너의 `limits.memory`와 실제 사용량을 비교한다.',
      '3. 런타임(JVM, Node)의 힙 설정이 limit을 알고 있는지 확인한다.',
      '',
      '```bash',
      'kubectl top pod -n payments --containers',
      '```',
      '',
      '> limit을 올리기 전에, 무엇이 메모리를 쓰는지 먼저 본다.',
    ].join('\n'),
  },
  {
    title: 'Reading Terraform plans without fear',
    tags: ['Terraform'],
    excerpt: 'A checklist for reviewing a Terraform plan before it touches production.',
    markdown: [
      '## Why plans deserve a review',
      '',
      'A plan is the only moment you see what will be destroyed before it is gone.',
      '',
      '- Look for `-/+` (replace) on stateful resources.',
      '- Check for drift you did not cause.',
      '- Read every `forces replacement` line.',
      '',
      '```hcl',
      'lifecycle {',
      '  prevent_destroy = true',
      '}',
      '```',
    ].join('\n'),
  },
  {
    title: 'Prometheus 알림 규칙을 줄이며 배운 것',
    tags: ['Observability', 'Kubernetes'],
    excerpt: '울리기만 하고 아무도 보지 않던 알림 백여 개를 열두 개로 줄인 기록.',
    markdown: [
      '## 왜 줄였나',
      '',
      '새벽에 울리는 알림의 절반은 아무 조치도 필요 없었다. 알림은 사람이 움직여야 할 때만 울려야 한다.',
      '',
      '## 남긴 규칙',
      '',
      '```yaml title="alerts.yaml" {3}',
      '- alert: PodCrashLooping',
      '  expr: increase(kube_pod_container_status_restarts_total[15m]) > 3',
      '  for: 10m',
      '```',
      '',
      '- 증상을 알리고 원인은 대시보드에서 찾는다',
      '- `for`로 잠깐의 흔들림은 넘긴다',
    ].join('\n'),
  },
]

/** The blog-posting study's rules: Monday 20:00 sessions, posts due Sunday 23:59:59 in Seoul. */
export const POSTING_STUDY_RULES = {
  cadence: 'weekly',
  sessionWeekday: 'monday',
  sessionTime: '20:00',
  deadlineWeekday: 'sunday',
  deadlineTime: '23:59:59',
  timeZone: 'Asia/Seoul',
  passesPerMember: 2,
  finePerMiss: 5000,
  deposit: 30000,
  atRiskMisses: 2,
} as const

export const demoStudyMembers = [
  { displayName: '김하나', handle: 'hana', blogUrl: 'https://hana.example.dev' },
  { displayName: '이두리', handle: 'duri', blogUrl: 'https://duri.example.dev' },
  { displayName: '박세나', handle: 'sena', blogUrl: 'https://sena.example.dev' },
]

/** Two yearly retrospectives in Korean, each section and goal in one of the default areas. */
export const demoRetrospectives = [
  {
    period: { kind: 'year', year: 2024 },
    language: 'ko',
    sections: [
      { heading: '커리어', area: 'career', markdown: '인프라 팀으로 옮겨 쿠버네티스 클러스터 운영을 맡았다.' },
      { heading: '스터디', area: 'community', markdown: '월간 CS 스터디를 운영하며 열세 개의 소모임이 열렸다.' },
    ],
    goals: [
      { text: '스터디 운영 문서 남기기', status: 'achieved', area: 'community' },
      { text: '블로그 글 스무 편', status: 'missed', area: 'learning', note: '열두 편에서 멈춤' },
    ],
    principles: ['매주 한 편 쓰기', '운영은 문서로 남기기'],
  },
  {
    period: { kind: 'year', year: 2025 },
    language: 'ko',
    sections: [
      { heading: '커리어', area: 'career', markdown: '플랫폼 팀에서 **쿠버네티스 업그레이드**를 두 번 이끌었다.' },
      { heading: '스터디', area: 'community', markdown: '블로그 포스팅 스터디 3기를 운영하며 매주 글을 썼다.' },
    ],
    goals: [
      { text: '매주 글 한 편', status: 'achieved', area: 'learning' },
      { text: 'CKA 취득', status: 'missed', area: 'career', note: '시험 일정을 내년 1분기로 옮김' },
      { text: '10km 달리기', status: 'in-progress', area: 'health' },
    ],
    principles: ['측정하고 나서 고친다', '운영은 문서로 남긴다'],
  },
]
