package io.dsm.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A CA and a server certificate made for one test run, written as PEM files PostgreSQL can use. */
public final class TestCertificates {

    public record ServerFiles(Path certificate, Path key, String caPem) {
    }

    private TestCertificates() {
    }

    /** A fresh CA, and a certificate it signed for {@code dnsName}, in {@code dir}. */
    public static ServerFiles serverSignedByNewCa(Path dir, String dnsName) {
        try {
            KeyPair caKeys = keys();
            X509Certificate ca = sign(new X500Name("CN=dsm test CA"), caKeys, new X500Name("CN=dsm test CA"), caKeys, true, null);
            KeyPair serverKeys = keys();
            X509Certificate server = sign(new X500Name("CN=" + dnsName), serverKeys, new X500Name("CN=dsm test CA"), caKeys,
                    false, dnsName);
            Path certificate = dir.resolve("server.crt");
            Path key = dir.resolve("server.key");
            Files.writeString(certificate, pem(server));
            Files.writeString(key, pem(serverKeys.getPrivate()));
            Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
            return new ServerFiles(certificate, key, pem(ca));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A CA that signed nothing the server presents. */
    public static String unrelatedCaPem() {
        try {
            KeyPair keys = keys();
            return pem(sign(new X500Name("CN=some other CA"), keys, new X500Name("CN=some other CA"), keys, true, null));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static X509Certificate sign(X500Name subject, KeyPair subjectKeys, X500Name issuer, KeyPair issuerKeys,
            boolean ca, String dnsName) throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(30, ChronoUnit.DAYS)), subject,
                subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (dnsName != null) {
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)));
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate())));
    }

    private static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }
}
