package io.dsm.readiness.service;

/**
 * A table, slot or publication a finding is about, with what is wrong with it when that differs per
 * object. Names of catalog objects are exactly what quote_ident gives, whatever characters they hold.
 */
public record AffectedObject(String name, String detail) {
}
