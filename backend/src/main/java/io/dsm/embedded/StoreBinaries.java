package io.dsm.embedded;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

/**
 * Where the embedded store's PostgreSQL programs are unpacked, and where to find them again. By
 * default zonky unpacks into {@code java.io.tmpdir/embedded-pg}, a folder it makes writable by
 * everyone, and runs whatever it finds there: another local user could plant programs of their own.
 * dsm unpacks into {@code DSM_DATA_DIR/postgres-bin} (mode 700) instead. zonky names each unpacked
 * archive {@code PG-<MD5 of the archive>}; this resolver hands zonky the usual archive and notes its
 * MD5 on the way, so that dsm can run {@code postgres --single} from the same folder.
 */
final class StoreBinaries implements PgBinaryResolver {

    static final String FOLDER = "postgres-bin";
    private final Path folder;
    private volatile String archiveMd5;

    StoreBinaries(Path dataDir) {
        this.folder = dataDir.resolve(FOLDER);
    }

    /**
     * The working directory to give zonky: a folder inside {@code postgres-bin}, because zonky makes
     * its working directory writable by everyone, and the private parent keeps everyone out of it.
     */
    Path workingDirectory() throws IOException {
        return PrivateFiles.folder(folder).resolve("unpacked");
    }

    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
        if (archive == null) {
            return null;
        }
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("MD5 is not available in this JVM", e);
        }
        DigestInputStream digesting = new DigestInputStream(archive, md5);
        return new FilterInputStream(digesting) {
            private boolean closed;

            /** zonky closes the stream twice; the digest is taken at the first close, after zonky read it all. */
            @Override
            public void close() throws IOException {
                super.close();
                if (!closed) {
                    closed = true;
                    archiveMd5 = HexFormat.of().formatHex(md5.digest());
                }
            }
        };
    }

    /** A program of the unpacked PostgreSQL, such as {@code postgres}; known once zonky has unpacked it. */
    Path program(String name) throws IOException {
        if (archiveMd5 == null) {
            throw new IllegalStateException("The PostgreSQL programs have not been unpacked yet");
        }
        Path program = workingDirectory().resolve("PG-" + archiveMd5).resolve("bin").resolve(name);
        if (!Files.isExecutable(program)) {
            throw new IOException("The PostgreSQL program " + program + " is missing");
        }
        return program;
    }
}
