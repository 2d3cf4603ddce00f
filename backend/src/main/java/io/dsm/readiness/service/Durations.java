package io.dsm.readiness.service;

/** Lengths of time as a person reads them: "3 days", "40 s", "250 ms". */
final class Durations {

    private Durations() {
    }

    /** A whole number of the largest unit that fits: an age or a time left, where precision does not matter. */
    static String seconds(long seconds) {
        long abs = Math.abs(seconds);
        if (abs >= 2 * 86_400) {
            return abs / 86_400 + " days";
        }
        if (abs >= 2 * 3_600) {
            return abs / 3_600 + " hours";
        }
        if (abs >= 2 * 60) {
            return abs / 60 + " minutes";
        }
        return SqlNames.count(abs, "second", "seconds");
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
