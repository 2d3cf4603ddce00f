package io.dsm.connection.service;

import io.dsm.common.i18n.Text;
import io.dsm.connection.CheckStatus;

/** What one post-connection check found, in words rendered for whoever asked ({@link CheckList}). */
record CheckResult(CheckStatus status, Text message, Text hint, String sqlState) {

    static CheckResult passed(Text message) {
        return new CheckResult(CheckStatus.PASSED, message, null, null);
    }

    static CheckResult warning(Text message, Text hint) {
        return new CheckResult(CheckStatus.WARNING, message, hint, null);
    }

    static CheckResult failed(Text message, Text hint, String sqlState) {
        return new CheckResult(CheckStatus.FAILED, message, hint, sqlState);
    }
}
