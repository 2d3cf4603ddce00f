package io.dsm.common.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.dsm.testing.LinkFlips;

/** Password references: read exactly as written, and never from outside DSM_SECRETS_DIR or dsm's own environment. */
class SecretReferencesTest {

    @TempDir
    Path root;
    Path secrets;
    Path outside;
    SecretReferences references;

    @BeforeEach
    void folders() throws IOException {
        secrets = Files.createDirectory(root.resolve("secrets"));
        outside = Files.writeString(root.resolve("outside.pw"), "pw-Outside-never-read");
        references = new SecretReferences(Optional.of(secrets), Map.of("DSM_SOURCE_ORDERS01", "pw-From-env-$HOME")::get);
    }

    private String read(String reference) {
        SecretReferences.Resolved resolved = references.resolve(reference);
        assertThat(resolved.problem()).as("why " + reference + " could not be read").isEmpty();
        return resolved.secret().orElseThrow().reveal();
    }

    /** The password read through the reference, if one was: what a link flip may never make come from outside. */
    private Optional<String> revealed(String reference) {
        return references.resolve(reference).secret().map(secret -> secret.reveal());
    }

    private String problem(String reference) {
        SecretReferences.Resolved resolved = references.resolve(reference);
        assertThat(resolved.secret()).as("a secret read through " + reference).isEmpty();
        return resolved.problem().orElseThrow().english();
    }

    @Test
    void readsAFileAsRawBytesWithDollarsQuotesAndOnlyOneTrailingNewlineTrimmed() throws IOException {
        Files.write(secrets.resolve("orders01.pw"), "p$HOME'\"${x}`$(id)\\n \n\n".getBytes(StandardCharsets.UTF_8));
        assertThat(read("file:orders01.pw")).isEqualTo("p$HOME'\"${x}`$(id)\\n \n");
    }

    @Test
    void trimsAWindowsLineEndingAsOneNewline() throws IOException {
        Files.writeString(secrets.resolve("crlf.pw"), "pw-Crlf-1\r\n");
        assertThat(read("file:crlf.pw")).isEqualTo("pw-Crlf-1");
    }

    @Test
    void readsAFileInASubfolderAndThroughALinkThatStaysInside() throws IOException {
        Path folder = Files.createDirectories(secrets.resolve("..data-2026/team"));
        Files.writeString(folder.resolve("orders.pw"), "pw-Linked-7");
        Files.createSymbolicLink(secrets.resolve("orders.pw"), folder.resolve("orders.pw"));
        assertThat(read("file:orders.pw")).isEqualTo("pw-Linked-7");
        assertThat(read("file:..data-2026/team/orders.pw")).isEqualTo("pw-Linked-7");
    }

    @Test
    void seesARotatedFileAtItsNextUse() throws IOException {
        Files.writeString(secrets.resolve("rotating.pw"), "pw-First-1\n");
        assertThat(read("file:rotating.pw")).isEqualTo("pw-First-1");
        Files.writeString(secrets.resolve("rotating.pw"), "pw-Second-2\n");
        assertThat(read("file:rotating.pw")).isEqualTo("pw-Second-2");
    }

    @Test
    void readsAnEnvironmentVariableThatStartsWithDsmSourceWithoutInterpolatingIt() {
        assertThat(read("env:DSM_SOURCE_ORDERS01")).isEqualTo("pw-From-env-$HOME");
    }

    @ParameterizedTest
    @ValueSource(strings = { "file:../outside.pw", "file:/etc/passwd", "file:a/../../outside.pw", "file:..", "file:./x",
            "file:a//b", "file:~/x", "file:C:/x", "file:a\\b", "file:", "file:x\u0000y", "file:x\ny", "env:PATH",
            "env:DSM_SECRET_KEY", "env:DSM_ADMIN_PASSWORD", "env:dsm_source_x", "env:DSM_SOURCE_", "env:DSM_SOURCE_A-B",
            "env:DSM_SOURCE_X Y", "vault:secret/x", "FILE:x.pw", " file:x.pw", "http://example.com/x", "" })
    void refusesEveryReferenceOutsideItsRules(String reference) {
        assertThat(references.refusal(reference)).as(reference).isPresent();
        assertThat(references.resolve(reference).secret()).as(reference).isEmpty();
    }

    @Test
    void refusesALinkThatLeadsOutOfTheFolderBeforeAndAtUse() throws IOException {
        Files.createSymbolicLink(secrets.resolve("escape.pw"), outside);
        assertThat(references.refusal("file:escape.pw")).hasValueSatisfying(why -> assertThat(why.english()).contains("leads out"));
        assertThat(problem("file:escape.pw")).contains("leads out").doesNotContain("pw-Outside-never-read");
    }

    @Test
    void neverReadsTheFileOutsideWhileALinkFlipsBetweenItAndAFileInside() throws Exception {
        Path inside = Files.writeString(secrets.resolve("inside.pw"), "pw-Inside-1");
        Path secretKey = Files.writeString(root.resolve("secret.key"), "dsm-own-key-never-read");

        List<String> read = LinkFlips.linkBetween(secrets.resolve("flip.pw"), inside, secretKey, () -> revealed("file:flip.pw"));

        assertThat(read).as("passwords read while the link flipped").isNotEmpty()
                .doesNotContain("dsm-own-key-never-read").containsOnly("pw-Inside-1");
    }

    @Test
    void neverReadsAFileOutsideWhileAFolderLinkFlipsBetweenAFolderInsideAndOneOutside() throws Exception {
        Path inside = folderWithAPassword(secrets.resolve("..data-1"), "pw-Inside-2");

        List<String> read = LinkFlips.linkBetween(secrets.resolve("team"), inside, elsewhere(), () -> revealed("file:team/db.pw"));

        assertThat(read).as("passwords read while the folder link flipped").isNotEmpty().containsOnly("pw-Inside-2");
    }

    @Test
    void neverReadsAFileOutsideWhileAFolderInsideIsSwappedForALinkAfterItsRealPathWasChecked() throws Exception {
        Path inside = folderWithAPassword(secrets.resolve("..data-3"), "pw-Inside-3");

        List<String> read = LinkFlips.folderSwappedForALink(inside, elsewhere(), () -> revealed("file:..data-3/db.pw"));

        assertThat(read).as("passwords read while the folder was swapped for a link").isNotEmpty().containsOnly("pw-Inside-3");
    }

    /** A folder outside DSM_SECRETS_DIR whose db.pw must never be read. */
    private Path elsewhere() throws IOException {
        return folderWithAPassword(root.resolve("elsewhere"), "pw-Outside-never-read");
    }

    private static Path folderWithAPassword(Path folder, String password) throws IOException {
        Files.writeString(Files.createDirectory(folder).resolve("db.pw"), password);
        return folder;
    }

    @Test
    void refusesAFileOverTheLimitNamingItsSize() throws IOException {
        Files.write(secrets.resolve("large.pw"), new byte[SecretReferences.MAX_BYTES + 1]);
        assertThat(problem("file:large.pw")).isEqualTo("the secret file large.pw is 4097 bytes, over the limit of 4096 bytes");
    }

    @Test
    void refusesAFolderLinkThatLeadsOut() throws IOException {
        Files.createSymbolicLink(secrets.resolve("elsewhere"), root);
        assertThat(problem("file:elsewhere/outside.pw")).contains("leads out");
    }

    @Test
    void refusesAFolderAsTheSecretFile() throws IOException {
        Files.createDirectory(secrets.resolve("folder.pw"));
        assertThat(problem("file:folder.pw")).contains("not a regular file");
    }

    @Test
    void allowsAFileThatDoesNotExistYetAndSaysSoAtUse() {
        assertThat(references.refusal("file:later.pw")).isEmpty();
        assertThat(problem("file:later.pw")).contains("does not exist");
    }

    @Test
    void saysWhenAnEnvironmentVariableIsNotSet() {
        assertThat(problem("env:DSM_SOURCE_MISSING")).contains("DSM_SOURCE_MISSING is not set");
    }

    @Test
    void refusesAFileThatIsNotUtf8OrIsEmpty() throws IOException {
        Files.write(secrets.resolve("binary.pw"), new byte[] { (byte) 0xff, (byte) 0xfe, 0x41 });
        Files.writeString(secrets.resolve("empty.pw"), "\n");
        assertThat(problem("file:binary.pw")).contains("not UTF-8");
        assertThat(problem("file:empty.pw")).contains("empty");
    }

    @Test
    void refusesFileReferencesWithoutASecretsFolder() {
        SecretReferences none = new SecretReferences(Optional.empty(), name -> null);
        assertThat(none.refusal("file:orders01.pw")).hasValueSatisfying(why -> assertThat(why.english()).contains("DSM_SECRETS_DIR"));
    }

    @Test
    void stopsTheStartWhenTheSecretsFolderIsNotAFolder() throws IOException {
        Path file = Files.writeString(root.resolve("not-a-folder"), "x");
        assertThatThrownBy(() -> SecretReferences.checked(Optional.of(root.resolve("missing"))))
                .isInstanceOf(io.dsm.config.StartupFailure.class).hasMessageContaining("DSM_SECRETS_DIR");
        assertThatThrownBy(() -> SecretReferences.checked(Optional.of(file))).isInstanceOf(io.dsm.config.StartupFailure.class);
        assertThat(SecretReferences.checked(Optional.of(secrets))).contains(secrets);
    }
}
