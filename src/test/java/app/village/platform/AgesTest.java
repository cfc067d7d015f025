package app.village.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgesTest {

    @Test
    void describesAgesAsParentsSayThem() {
        assertThat(Ages.describe(null)).isEmpty();
        assertThat(Ages.describe(0)).isEqualTo("under 1 month");
        assertThat(Ages.describe(1)).isEqualTo("1 month");
        assertThat(Ages.describe(18)).isEqualTo("18 months");
        assertThat(Ages.describe(24)).isEqualTo("2 years");
        assertThat(Ages.describe(37)).isEqualTo("3 years 1 month");
    }
}
