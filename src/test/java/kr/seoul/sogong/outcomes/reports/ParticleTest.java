package kr.seoul.sogong.outcomes.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParticleTest {

    /**
     * The centers' names and the metrics' labels the committee's sentences use, and a few
     * edges.
     */
    @ParameterizedTest
    @CsvSource({ "창신센터, 창신센터가, 창신센터는, 창신센터를, 창신센터와, 창신센터로", "성수동 수제화, 성수동 수제화가, 성수동 수제화는, 성수동 수제화를, 성수동 수제화와, 성수동 수제화로",
            "응답률(%), 응답률(%)이, 응답률(%)은, 응답률(%)을, 응답률(%)과, 응답률(%)로",
            "전반 만족도(100점 환산), 전반 만족도(100점 환산)가, 전반 만족도(100점 환산)는, 전반 만족도(100점 환산)를, 전반 만족도(100점 환산)와, 전반 만족도(100점 환산)로",
            "매출 증가율 중앙값(%), 매출 증가율 중앙값(%)이, 매출 증가율 중앙값(%)은, 매출 증가율 중앙값(%)을, 매출 증가율 중앙값(%)과, 매출 증가율 중앙값(%)으로",
            "지원 기업수, 지원 기업수가, 지원 기업수는, 지원 기업수를, 지원 기업수와, 지원 기업수로",
            "문래동 금속가공, 문래동 금속가공이, 문래동 금속가공은, 문래동 금속가공을, 문래동 금속가공과, 문래동 금속가공으로",
            "2022, 2022가, 2022는, 2022를, 2022와, 2022로", "2021, 2021이, 2021은, 2021을, 2021과, 2021로",
            "2023, 2023이, 2023은, 2023을, 2023과, 2023으로", "KPI, KPI가, KPI는, KPI를, KPI와, KPI로",
            "JANGWI, JANGWI가, JANGWI는, JANGWI를, JANGWI와, JANGWI로" })
    void eachParticleFollowsTheLastSound(String word, String subject, String topic, String object, String and,
            String toward) {
        assertThat(Particle.SUBJECT.after(word)).isEqualTo(subject);
        assertThat(Particle.TOPIC.after(word)).isEqualTo(topic);
        assertThat(Particle.OBJECT.after(word)).isEqualTo(object);
        assertThat(Particle.AND.after(word)).isEqualTo(and);
        assertThat(Particle.TOWARD.after(word)).isEqualTo(toward);
    }

}
