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
    title: '2024년 회고',
    tags: ['회고'],
    excerpt: '이직, 스터디 운영, 그리고 꾸준히 쓰기에 대한 한 해의 기록.',
    markdown: [
      '## 커리어',
      '',
      '인프라 팀으로 옮겨 쿠버네티스 클러스터 운영을 맡았다.',
      '',
      '## 스터디',
      '',
      '월간 CS 스터디를 운영하며 열세 개의 소모임이 열렸다.',
      '',
      '## 내년의 원칙',
      '',
      '- 매주 한 편 쓰기',
      '- 운영은 문서로 남기기',
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

export const demoRetrospective = {
  period: { kind: 'year', year: 2025 },
  sections: [
    { heading: '커리어', area: 'career', markdown: '플랫폼 팀에서 **쿠버네티스 업그레이드**를 두 번 이끌었다.' },
    { heading: '스터디', area: 'community', markdown: '블로그 포스팅 스터디 3기를 운영하며 매주 글을 썼다.' },
  ],
  goals: [
    { text: '매주 글 한 편', status: 'achieved' },
    { text: 'CKA 취득', status: 'missed', note: '시험 일정을 내년 1분기로 옮김' },
    { text: '10km 달리기', status: 'in-progress' },
  ],
  principles: ['측정하고 나서 고친다', '운영은 문서로 남긴다'],
}
