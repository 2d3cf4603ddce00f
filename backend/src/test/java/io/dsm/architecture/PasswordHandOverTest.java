package io.dsm.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Driver;
import java.sql.DriverManager;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.postgresql.PGProperty;
import org.postgresql.ds.common.BaseDataSource;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;

import io.dsm.connection.service.JdbcConnector;

/**
 * A data source's password reaches pgjdbc only through dsm's authentication plugin, which refuses to
 * send it in cleartext to a server TLS did not verify. So one class opens connections to data sources,
 * and no code hands pgjdbc a password any other way.
 */
class PasswordHandOverTest {

    private static final JavaClasses MAIN = MainClasses.MAIN;

    /** A password property, a password in a JDBC URL, or pgjdbc's own password setting, in source text. */
    private static final Pattern PASSWORD_PROPERTY = Pattern.compile(
            "setProperty\\(\\s*\"password\"|PGProperty\\.PASSWORD|[?&;]password=|\\.setPassword\\(");

    @Test
    void onlyJdbcConnectorOpensConnectionsWithPgjdbc() {
        noClasses().that().doNotHaveFullyQualifiedName(JdbcConnector.class.getName())
                .should().callMethodWhere(opensAConnection()).check(MAIN);
    }

    @Test
    void noClassHandsPgjdbcAPasswordDirectly() {
        noClasses().should().accessField(PGProperty.class, "PASSWORD")
                .orShould().callMethodWhere(setsADataSourcePassword()).check(MAIN);
    }

    @Test
    void noSourceFileSetsThePasswordProperty() {
        assertThat(mainSources()).allSatisfy(file -> assertThat(read(file)).as(file.toString())
                .doesNotContainPattern(PASSWORD_PROPERTY));
    }

    private static DescribedPredicate<JavaMethodCall> opensAConnection() {
        return DescribedPredicate.describe("open a JDBC connection", call -> {
            JavaClass owner = call.getTargetOwner();
            return owner.isAssignableTo(Driver.class) && call.getName().equals("connect")
                    || owner.isEquivalentTo(DriverManager.class) && call.getName().equals("getConnection")
                    || owner.isAssignableTo(BaseDataSource.class) && call.getName().equals("getConnection");
        });
    }

    private static DescribedPredicate<JavaMethodCall> setsADataSourcePassword() {
        return DescribedPredicate.describe("set the password of one of pgjdbc's data sources",
                call -> call.getTargetOwner().isAssignableTo(BaseDataSource.class) && call.getName().equals("setPassword"));
    }

    private static List<Path> mainSources() {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<Path> sources = files.filter(file -> file.toString().endsWith(".java")).toList();
            assertThat(sources).as("the main sources, read from the backend module").isNotEmpty();
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
