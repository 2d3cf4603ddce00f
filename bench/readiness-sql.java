// Prints the readiness catalog queries a connection test sends, with their parameters written in,
// as a pgbench script: the same SQL, from the same classes, as the service under test.
//
//   java -cp "quarkus-app/app/*:quarkus-app/lib/main/*" bench/readiness-sql.java USER DATABASE SCHEMA SERVER_VERSION_NUM
import java.util.EnumSet;
import java.util.Optional;

import io.dsm.common.jdbc.CatalogBatch;
import io.dsm.readiness.ReadinessScope;
import io.dsm.readiness.service.ReadinessInspection;
import io.dsm.readiness.service.Subject;

class ReadinessSql {
    public static void main(String[] args) {
        Subject subject = new Subject(args[0], args[1], Optional.of(args[2]), Optional.empty(),
                EnumSet.allOf(ReadinessScope.class), Integer.parseInt(args[3]));
        if (subject.versionNum() >= 110000) {
            // The test's batch turns JIT off before these queries (SessionChecks), so the comparison does too.
            System.out.println("SET jit = off;");
        }
        for (CatalogBatch.Query query : ReadinessInspection.of(subject).queries()) {
            String sql = query.sql();
            for (String parameter : query.parameters()) {
                int at = sql.indexOf('?');
                sql = sql.substring(0, at) + "'" + parameter.replace("'", "''") + "'" + sql.substring(at + 1);
            }
            System.out.println(sql.strip() + ";");
        }
    }
}
