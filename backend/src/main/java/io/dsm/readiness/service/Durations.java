package io.dsm.readiness.service;

import io.dsm.common.i18n.Text;

/** Lengths of time as a person reads them: "3 days", "40 s", "250 ms". */
final class Durations {

    private Durations() {
    }

    /** A whole number of the largest unit that fits: an age or a time left, where precision does not matter. */
    static Text seconds(long seconds) {
        long abs = Math.abs(seconds);
        if (abs >= 2 * 86_400) {
            return Text.of("duration.days", abs / 86_400);
        }
        if (abs >= 2 * 3_600) {
            return Text.of("duration.hours", abs / 3_600);
        }
        if (abs >= 2 * 60) {
            return Text.of("duration.minutes", abs / 60);
        }
        return Text.of("duration.seconds", abs);
    }

    /** A setting in milliseconds, as SHOW would print it: 250ms, 30s, 5min, 2h. */
    static String setting(long millis) {
        if (millis < 0) {
            return String.valueOf(millis);
        }
        if (millis == 0 || millis % 1000 != 0) {
            return millis + "ms";
        }
        long seconds = millis / 1000;
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        return seconds % 60 == 0 ? seconds / 60 + "min" : seconds + "s";
    }
}
