package io.dsm.connection.service;

import io.dsm.connection.CheckStatus;

/** What one post-connection check found. */
record CheckResult(CheckStatus status, String message, String hint, String sqlState) {

    static CheckResult passed(String message) {
        return new CheckResult(CheckStatus.PASSED, message, null, null);
    }

    static CheckResult warning(String message, String hint) {
        return new CheckResult(CheckStatus.WARNING, message, hint, null);
    }

    static CheckResult failed(String message, String hint, String sqlState) {
        return new CheckResult(CheckStatus.FAILED, message, hint, sqlState);
    }
}
