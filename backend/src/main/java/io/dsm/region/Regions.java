package io.dsm.region;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;

import io.quarkus.runtime.Startup;

import io.dsm.config.DsmConfig;
import io.dsm.config.StartupFailure;

/**
 * The regions data sources may be placed in, as configured by {@code DSM_REGIONS}. Created at
 * startup, so that a bad value stops the start instead of the first request.
 */
@Startup
@Singleton
public class Regions {

    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$");

    private final List<String> names;

    public Regions(DsmConfig config) {
        this.names = validate(config.regions());
    }

    static List<String> validate(List<String> configured) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String raw : configured) {
            String name = raw.trim();
            if (!NAME.matcher(name).matches()) {
                problems.add("'" + name + "' is not a valid region name (1 to 64 letters, digits, '.', '_' or '-', "
                        + "starting with a letter or digit)");
            } else if (!seen.add(name)) {
                problems.add("'" + name + "' is listed twice");
            }
        }
        if (seen.isEmpty() && problems.isEmpty()) {
            problems.add("no region is configured");
        }
        if (!problems.isEmpty()) {
            throw new StartupFailure("DSM_REGIONS is invalid: " + String.join("; ", problems)
                    + ". Example: DSM_REGIONS=cn-hangzhou,cn-shanghai");
        }
        return List.copyOf(seen);
    }

    public List<String> names() {
        return names;
    }

    public boolean isSingle() {
        return names.size() == 1;
    }

    /** The region to store for a requested one: the only region when there is one, else the request. */
    public Optional<String> resolve(String requested) {
        if (requested == null || requested.isBlank()) {
            return isSingle() ? Optional.of(names.get(0)) : Optional.empty();
        }
        return names.contains(requested) ? Optional.of(requested) : Optional.empty();
    }
}
