package io.dsm.connection.service;

import io.dsm.common.i18n.Text;
import io.dsm.connection.CheckName;

/** A failed check: which one, what happened, how to fix it, and the SQLSTATE behind it if any. */
record Failure(CheckName check, Text message, Text hint, String sqlState) {

    static Failure of(CheckName check, Text message, Text hint) {
        return new Failure(check, message, hint, null);
    }
}
