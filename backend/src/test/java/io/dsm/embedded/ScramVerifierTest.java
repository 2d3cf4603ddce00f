package io.dsm.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class ScramVerifierTest {

    /** RFC 7677, section 3: user "user", password "pencil". */
    private static final String SALT = "W22ZaJ0SNY7soEsUEjb6gQ==";
    private static final String AUTH_MESSAGE = "n=user,r=rOprNGfwEbeRWgbNEkqO,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
            + "s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
    private static final String CLIENT_PROOF = "dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
    private static final String SERVER_SIGNATURE = "6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

    @Test
    void writesPostgresqlsVerifierFormat() {
        assertThat(ScramVerifier.of("pencil")).matches("SCRAM-SHA-256\\$4096:[A-Za-z0-9+/=]{24}\\$[A-Za-z0-9+/=]{44}:[A-Za-z0-9+/=]{44}");
    }

    @Test
    void holdsTheKeysThatCheckTheExampleExchangeOfRfc7677() throws Exception {
        String verifier = ScramVerifier.of("pencil", Base64.getDecoder().decode(SALT), 4096);
        String[] keys = verifier.substring(verifier.lastIndexOf('$') + 1).split(":");
        byte[] storedKey = Base64.getDecoder().decode(keys[0]);
        byte[] serverKey = Base64.getDecoder().decode(keys[1]);

        assertThat(Base64.getEncoder().encodeToString(hmac(serverKey, AUTH_MESSAGE))).isEqualTo(SERVER_SIGNATURE);
        byte[] clientSignature = hmac(storedKey, AUTH_MESSAGE);
        byte[] clientKey = Base64.getDecoder().decode(CLIENT_PROOF);
        for (int i = 0; i < clientKey.length; i++) {
            clientKey[i] ^= clientSignature[i];
        }
        assertThat(MessageDigest.getInstance("SHA-256").digest(clientKey)).isEqualTo(storedKey);
    }

    @Test
    void saltsEveryVerifierAfresh() {
        assertThat(ScramVerifier.of("pencil")).isNotEqualTo(ScramVerifier.of("pencil"));
    }

    private static byte[] hmac(byte[] key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message.getBytes(StandardCharsets.US_ASCII));
    }
}
