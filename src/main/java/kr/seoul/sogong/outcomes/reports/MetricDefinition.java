package kr.seoul.sogong.outcomes.reports;

import java.util.List;

/**
 * One line of the definitions the workbook's 정의 sheet and the page's last table print.
 *
 * @param metric the metric as the committee reads it
 * @param meaning how it is computed
 * @param base what n it is computed over
 */
record MetricDefinition(String metric, String meaning, String base) {

    static final List<MetricDefinition> ALL = List.of(
            new MetricDefinition("지원 기업수", "참여기업 시트의 유효 행에서 사업자등록번호 기준 중복 없는 기업 수", "유효 참여기업 행"),
            new MetricDefinition("수료율(%)", "수료 기업수 ÷ 지원 기업수 × 100", "지원 기업수"),
            new MetricDefinition("응답률(%)", "해당 센터 참여기업의 유효 설문 응답 ÷ 지원 기업수 × 100", "지원 기업수"),
            new MetricDefinition("평균", "1~5점 응답의 평균 (9=모름, 무응답 제외)", "n = 1~5점 응답수"),
            new MetricDefinition("95% 신뢰구간", "평균 ± t(0.975, n−1) × 표본표준편차 ÷ √n (n < 2이면 비어 있음)", "n"),
            new MetricDefinition("Top-2(%)", "4점 또는 5점 응답 ÷ n × 100", "n"),
            new MetricDefinition("100점 환산", "(평균 − 1) × 25", "n"),
            new MetricDefinition("비공개 (—)", "n이 최소 셀 크기(기본 3) 미만이면 평균·구간·Top-2·점수를 공개하지 않음", "n"),
            new MetricDefinition("매출 증가율 중앙값(%)", "지원전 매출 > 0이고 지원후 매출이 있는 기업의 (후 − 전) ÷ 전 × 100의 중앙값", "매출 비교 기업수"),
            new MetricDefinition("집행률(%)", "집행 합계 ÷ 계획 합계 × 100; 상한 초과 = 계획 합계 > 사업비 상한", "계획 합계"),
            new MetricDefinition("희망 지원분야 비율(%)", "해당 분야를 고른 응답 ÷ 유효 응답수 × 100", "유효 응답수"),
            new MetricDefinition("전년 대비", "같은 지표의 직전 저장 연도 값과 차이 (전체 정밀도로 계산 후 반올림)", "각 지표의 기준"),
            new MetricDefinition("ALL 행", "건수·금액은 센터 합계, 비율·통계는 전체 행을 모아 다시 계산 (평균의 평균이 아님)", "전체"),
            new MetricDefinition("반올림", "내보내기에서만 사사오입: 비율·백분율 소수 1자리, 평균·신뢰구간 소수 2자리", ""));

}
