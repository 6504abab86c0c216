package io.camelupbit.session;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading a ban's length from a 418's body, in the forms a person writes, and nothing from bare numbers. */
class BanNoticeTest {

    @Test
    void aDurationWithItsUnitIsReadInKoreanOrEnglish() {
        assertThat(BanNotice.statedMillis("{\"error\":{\"name\":\"too_many_requests\",\"message\":\"600초 동안 차단\"}}"))
                .isEqualTo(600_000);
        assertThat(BanNotice.statedMillis("차단 시간: 10분")).isEqualTo(600_000);
        assertThat(BanNotice.statedMillis("blocked for 2 hours")).isEqualTo(7_200_000);
        assertThat(BanNotice.statedMillis("IP banned for 90 seconds")).isEqualTo(90_000);
        assertThat(BanNotice.statedMillis("retry in 1 min or 30 sec")).isEqualTo(60_000);
    }

    @Test
    void numbersWithoutAUnitStateNothing() {
        assertThat(BanNotice.statedMillis("418 I'm a teapot from 10.0.0.1")).isZero();
        assertThat(BanNotice.statedMillis("{\"error\":{\"name\":\"418\",\"message\":\"code 20001\"}}")).isZero();
        assertThat(BanNotice.statedMillis("")).isZero();
        assertThat(BanNotice.statedMillis(null)).isZero();
        assertThat(BanNotice.statedMillis("5 minutesque")).isZero();
    }
}
