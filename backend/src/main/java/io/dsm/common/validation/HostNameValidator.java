package io.dsm.common.validation;

import java.util.regex.Pattern;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class HostNameValidator implements ConstraintValidator<HostName, String> {

    /** Longer values are reported by the @Size beside @HostName, not here. */
    private static final int MAX_LENGTH = 253;
    /** What the @Pattern beside @HostName forbids is reported by that pattern, not here. */
    private static final Pattern FORBIDDEN = Pattern.compile("[\\s/?#&;=@,\\\\'\"`%]");
    private static final Pattern LABEL = Pattern.compile("^[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?$");
    private static final Pattern DIGITS_AND_DOTS = Pattern.compile("^[0-9.]+$");
    private static final Pattern HEX_GROUP = Pattern.compile("^[0-9A-Fa-f]{1,4}$");

    @Override
    public boolean isValid(String host, ConstraintValidatorContext context) {
        if (host == null || host.isEmpty() || host.length() > MAX_LENGTH || FORBIDDEN.matcher(host).find()) {
            return true;
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            return isIpv6(host.substring(1, host.length() - 1));
        }
        if (host.indexOf(':') >= 0) {
            return isIpv6(host);
        }
        if (DIGITS_AND_DOTS.matcher(host).matches()) {
            return isIpv4(host);
        }
        return isDnsName(host);
    }

    static boolean isIpv4(String text) {
        String[] octets = text.split("\\.", -1);
        if (octets.length != 4) {
            return false;
        }
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || (octet.length() > 1 && octet.startsWith("0"))
                    || !octet.chars().allMatch(Character::isDigit) || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    static boolean isIpv6(String text) {
        int compressions = text.split("::", -1).length - 1;
        if (compressions > 1 || text.isEmpty()) {
            return false;
        }
        String[] halves = text.split("::", -1);
        int groups = 0;
        for (int h = 0; h < halves.length; h++) {
            if (halves[h].isEmpty()) {
                continue;
            }
            String[] parts = halves[h].split(":", -1);
            for (int i = 0; i < parts.length; i++) {
                boolean lastOverall = h == halves.length - 1 && i == parts.length - 1;
                if (lastOverall && parts[i].contains(".")) {
                    if (!isIpv4(parts[i])) {
                        return false;
                    }
                    groups += 2;
                } else if (HEX_GROUP.matcher(parts[i]).matches()) {
                    groups++;
                } else {
                    return false;
                }
            }
        }
        return compressions == 1 ? groups < 8 : groups == 8;
    }

    static boolean isDnsName(String text) {
        if (text.length() > MAX_LENGTH || text.startsWith(".") || text.endsWith(".")) {
            return false;
        }
        for (String label : text.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }
}
