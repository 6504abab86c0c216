package io.camelupbit.wire;

import java.time.DateTimeException;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DateCacheTest {

    private final DateCache cache = new DateCache();

    @Test
    void everyDateOfTenYearsComesBackRightThoughSlotsCollide() {
        // 3,653 dates through 256 slots: each slot is overwritten many times over
        for (int round = 0; round < 2; round++) {
            for (LocalDate d = LocalDate.of(2020, 1, 1); d.isBefore(LocalDate.of(2030, 1, 1)); d = d.plusDays(1)) {
                assertThat(cache.date(d.getYear(), d.getMonthValue(), d.getDayOfMonth())).isEqualTo(d);
            }
        }
    }

    @Test
    void aRepeatedDateIsTheSameInstanceAndAnImpossibleOneIsRefused() {
        assertThat(cache.date(2023, 2, 21)).isSameAs(cache.date(2023, 2, 21));
        assertThatThrownBy(() -> cache.date(2023, 2, 30)).isInstanceOf(DateTimeException.class);
    }
}
