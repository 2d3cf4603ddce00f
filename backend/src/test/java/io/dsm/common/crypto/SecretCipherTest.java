package io.dsm.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final String KEY_A = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private final SecretCipher cipher = SecretCipher.fromBase64(KEY_A);
    private final SecretCipher otherKey = SecretCipher.fromBase64(SecretCipher.generateBase64Key());

    @Test
    void opensWhatItSealed() {
        String sealed = cipher.seal(Secret.of("pw-Correct-Horse"), "row-1");
        assertThat(sealed).startsWith("v1." + cipher.fingerprint() + ".").doesNotContain("pw-Correct-Horse");
        assertThat(cipher.open(sealed, "row-1").reveal()).isEqualTo("pw-Correct-Horse");
    }

    @Test
    void sealsTheSameSecretDifferentlyEachTime() {
        assertThat(cipher.seal(Secret.of("same"), "row-1")).isNotEqualTo(cipher.seal(Secret.of("same"), "row-1"));
    }

    @Test
    void namesBothKeysWhenTheValueWasSealedUnderAnotherKey() {
        String sealed = otherKey.seal(Secret.of("pw-Correct-Horse"), "row-1");
        assertThatThrownBy(() -> cipher.open(sealed, "row-1"))
                .isInstanceOf(UnreadableSecretException.class)
                .hasMessageContaining(otherKey.fingerprint())
                .hasMessageContaining(cipher.fingerprint())
                .hasMessageNotContaining("pw-Correct-Horse");
    }

    @Test
    void refusesAValueMovedToAnotherRow() {
        String sealed = cipher.seal(Secret.of("pw-Correct-Horse"), "row-1");
        assertThatThrownBy(() -> cipher.open(sealed, "row-2"))
                .isInstanceOf(UnreadableSecretException.class)
                .hasMessageContaining("damaged");
    }

    @Test
    void refusesATamperedValue() {
        String sealed = cipher.seal(Secret.of("pw-Correct-Horse"), "row-1");
        String tampered = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("A") ? "BB" : "AA");
        assertThatThrownBy(() -> cipher.open(tampered, "row-1")).isInstanceOf(UnreadableSecretException.class);
    }

    @Test
    void rejectsAKeyOfTheWrongLengthWithoutRepeatingIt() {
        assertThatThrownBy(() -> SecretCipher.fromBase64("c2hvcnQta2V5"))
                .isInstanceOf(InvalidSecretKeyException.class)
                .hasMessageContaining("must be 32 bytes")
                .hasMessageNotContaining("c2hvcnQta2V5");
    }

    @Test
    void rejectsAKeyThatIsNotBase64() {
        assertThatThrownBy(() -> SecretCipher.fromBase64("not base64!"))
                .isInstanceOf(InvalidSecretKeyException.class)
                .hasMessageContaining("not valid base64");
    }

    @Test
    void neverPrintsASecret() {
        assertThat(Secret.of("pw-Correct-Horse")).hasToString("[redacted]");
    }
}
