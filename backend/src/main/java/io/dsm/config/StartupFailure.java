package io.dsm.config;

import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * A misconfiguration found at startup. Quarkus prints a {@link ConfigurationException} as its
 * message alone: the message tells the operator what to change, a stack trace would not.
 */
public class StartupFailure extends ConfigurationException {

    public StartupFailure(String message) {
        super(message);
        setStackTrace(new StackTraceElement[0]);
    }
}
