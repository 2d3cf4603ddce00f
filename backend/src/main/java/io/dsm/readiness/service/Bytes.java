package io.dsm.readiness.service;

/** Sizes as a person reads them: 1.2 GB rather than 1288490188. */
final class Bytes {

    private static final String[] UNITS = { "bytes", "kB", "MB", "GB", "TB", "PB" };

    private Bytes() {
    }

    static String readable(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return (value < 10 ? String.format(java.util.Locale.ROOT, "%.1f", value) : String.valueOf(Math.round(value))) + " "
                + UNITS[unit];
    }
}
