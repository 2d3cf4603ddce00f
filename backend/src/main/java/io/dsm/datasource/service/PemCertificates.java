package io.dsm.datasource.service;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Collection;

/** Checks that text is PEM the JVM (and so pgjdbc) can read as certificates. */
public final class PemCertificates {

    private PemCertificates() {
    }

    public static boolean isValid(String pem) {
        if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
            return false;
        }
        try {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            return !certificates.isEmpty();
        } catch (CertificateException e) {
            return false;
        }
    }
}
