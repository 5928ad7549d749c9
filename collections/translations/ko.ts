import type { en } from './en'

/** Devlog's admin texts in Korean: the same keys as English. */
export const ko: typeof en = {
  devlog: {
    mergeTagHeading: '다른 태그로 합치기',
    mergeTagHelp: '이 태그의 모든 글을 선택한 태그로 옮기고 이 태그를 삭제합니다. 전부 되거나 전혀 바뀌지 않습니다.',
    mergeTagChoose: '태그 선택…',
    mergeTagAction: '합치기',
    mergeTagConfirm: '"{{from}}" 태그를 "{{into}}" 태그로 합칠까요? 이 태그는 삭제됩니다.',
    mergeTagDone: '합쳤습니다: 글 {{count}}개를 옮겼습니다.',
    rosterTitle: '참여 현황',
    rosterFilter: '이름이나 핸들로 찾기',
    rosterAllStatuses: '모든 상태',
    rosterAtRiskOnly: '위험 인원만',
    rosterMember: '참여자',
    rosterSummary: '미제출 / 남은 패스 / 벌금',
    rosterGenerateSessions: '모임 일정 만들기',
    rosterExportRoster: '명단 CSV',
    rosterExportStatus: '현황 CSV',
    rosterCalendar: '캘린더 (.ics)',
    rosterImportTitle: 'CSV로 명단 가져오기 (name, handle, email, blogUrl, role)',
    rosterImportCheck: '확인',
    rosterImportApply: '적용',
    rosterImportCounts: '새로 추가 {{create}} · 수정 {{update}} · 변경 없음 {{unchanged}}',
    rosterImportApplied: '적용됨',
    rosterImportLine: '{{line}}번째 줄',
    rosterSubmitted: '제출률',
    rosterEmpty: '아직 참여자가 없습니다.',
  },
}
