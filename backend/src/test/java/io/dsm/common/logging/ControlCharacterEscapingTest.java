package io.dsm.common.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Level;
import org.junit.jupiter.api.Test;

class ControlCharacterEscapingTest {

    private final ControlCharacterEscaping filter = new ControlCharacterEscaping();

    @Test
    void escapesALineBreakInAFormattedParameterSoTheRecordStaysOneLine() {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "Connection test of %s: failed", ExtLogRecord.FormatStyle.PRINTF,
                ControlCharacterEscapingTest.class.getName());
        record.setParameters(new Object[] { "migrator\n06:00:00.000 INFO  [forged] admin signed in" });

        assertThat(filter.isLoggable(record)).isTrue();

        assertThat(record.getFormattedMessage())
                .isEqualTo("Connection test of migrator\\n06:00:00.000 INFO  [forged] admin signed in: failed")
                .doesNotContain("\n");
    }

    @Test
    void escapesEveryControlCharacterAndTheUnicodeLineSeparators() {
        assertThat(ControlCharacterEscaping.escape("a\rb\tc\u0000d\u001be\u007ff\u0085g\u2028h\u2029i"))
                .isEqualTo("a\\rb\\tc\\u0000d\\u001be\\u007ff\\u0085g\\u2028h\\u2029i");
    }

    @Test
    void leavesOrdinaryTextAndOtherScriptsAlone() {
        String text = "Provisioning file orders.yaml applied: 数据源 orders01 (öäü)";
        assertThat(ControlCharacterEscaping.escape(text)).isSameAs(text);
    }
}
