package io.dsm.readiness;

import static io.dsm.readiness.ReadinessAnswers.finding;
import static io.dsm.readiness.ReadinessAnswers.found;
import static io.dsm.readiness.ReadinessAnswers.objectNames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

import io.dsm.connection.ConnectionTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * role.select as the server decides who may read a table: the catalog scan decides tables with the
 * default ACL without asking has_table_privilege, so each way a user gets or loses SELECT there is
 * proven by the migration user's own SELECT. Its own server: one test grants pg_read_all_data.
 */
@QuarkusTest
@TestProfile(ConnectionTestProfile.class)
class SelectPrivilegeReadinessTest extends LogicalTargetTest {

    @Test
    void passesATableOwnedByARoleWhosePrivilegesTheUserHas() {
        String database = target.database("ownerrole");
        target.server().executeIn(database, "CREATE ROLE ledger_owner", "GRANT ledger_owner TO cdc",
                "CREATE TABLE app.ledger (id int PRIMARY KEY)", "ALTER TABLE app.ledger OWNER TO ledger_owner");
        FixSql.runAsCdc(target, database, "SELECT * FROM app.ledger");

        assertThat(found(inspect(database), "role.select")).isFalse();
    }

    @Test
    void blocksATableWithTheDefaultAclOfAnotherOwner() {
        String database = target.database("otherowner");
        target.server().executeIn(database, "CREATE TABLE app.payroll (id int PRIMARY KEY)");
        assertThatThrownBy(() -> FixSql.runAsCdc(target, database, "SELECT * FROM app.payroll")).hasMessageContaining("42501");

        assertThat(objectNames(finding(inspect(database), "role.select"))).containsExactly("app.payroll");
    }

    @Test
    void blocksATableWhoseOwnerRevokedItsOwnSelect() {
        String database = target.database("selfrevoked", "CREATE TABLE app.archive (id int PRIMARY KEY)",
                "REVOKE SELECT ON app.archive FROM cdc");
        assertThatThrownBy(() -> FixSql.runAsCdc(target, database, "SELECT * FROM app.archive")).hasMessageContaining("42501");

        assertThat(objectNames(finding(inspect(database), "role.select"))).containsExactly("app.archive");
    }

    @Test
    void passesEveryTableForAMemberOfPgReadAllData() {
        assumeTrue(target.major() >= 14, "pg_read_all_data is new in 14");
        String database = target.database("readall");
        target.server().executeIn(database, "CREATE TABLE app.salaries (id int PRIMARY KEY)", "GRANT pg_read_all_data TO cdc");
        try {
            FixSql.runAsCdc(target, database, "SELECT * FROM app.salaries");

            assertThat(found(inspect(database), "role.select")).isFalse();
        } finally {
            target.server().executeIn(database, "REVOKE pg_read_all_data FROM cdc");
        }
    }
}
