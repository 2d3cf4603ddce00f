package io.dsm.connection.service;

import io.dsm.connection.CheckName;

/** A failed check: which one, what happened, how to fix it, and the SQLSTATE behind it if any. */
record Failure(CheckName check, String message, String hint, String sqlState) {
}
