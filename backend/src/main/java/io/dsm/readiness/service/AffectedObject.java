package io.dsm.readiness.service;

import io.dsm.common.i18n.Text;

/**
 * A table, slot or publication a finding is about, with what is wrong with it when that differs per
 * object, in words that wait for the reader's language. Names of catalog objects are exactly what
 * quote_ident gives, whatever characters they hold, and are never translated.
 */
public record AffectedObject(String name, Text detail) {
}
