package app.village.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class RedactedTest {

    @Test
    void aRedactedExceptionKeepsItsClassesAndFramesButNoMessage() {
        Exception original = new IllegalStateException("the member wrote secretword",
                new NumberFormatException("For input string: \"secretword\""));
        Throwable redacted = Redacted.of(original);

        StringWriter printed = new StringWriter();
        redacted.printStackTrace(new PrintWriter(printed));
        assertThat(printed.toString()).doesNotContain("secretword")
                .contains("java.lang.IllegalStateException").contains("java.lang.NumberFormatException")
                .contains("RedactedTest.aRedactedExceptionKeepsItsClassesAndFramesButNoMessage");
        assertThat(redacted.getStackTrace()).isEqualTo(original.getStackTrace());
        assertThat(redacted.getCause().getStackTrace()).isEqualTo(original.getCause().getStackTrace());
    }

    @Test
    void aCauseThatIsItsOwnCauseEnds() {
        Exception loop = new Exception("secretword") {
            @Override
            public synchronized Throwable getCause() {
                return this;
            }
        };
        assertThat(Redacted.of(loop).getCause()).isNull();
    }
}
