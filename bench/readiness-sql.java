// Prints the SQL a connection test sends on its session, with its parameters written in, as a pgbench
// script: the same statements, from the same classes (io.dsm.connection.service.TestSql, which builds
// them with SessionChecks' own code), as the service under test. The facts go first, alone, as the test
// sends them before its batch where the endpoint serves incremental sync; the batch is one transaction,
// as pgjdbc's one Sync makes it (its set_config(..., true) calls last until its end).
//
//   java -cp "quarkus-app/app/*:quarkus-app/lib/main/*" bench/readiness-sql.java USER DATABASE SCHEMA SERVER_VERSION_NUM [SUPERUSER]
//
// SUPERUSER (false) is whether the user is a superuser: it changes the facts query. The statement
// timeout written in is 5000ms, half of a test's default 10 s budget; the endpoint is a PRIMARY source
// without heartbeats, tested with TLS mode prefer, for full migration and incremental sync.
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import io.dsm.common.jdbc.CatalogBatch;
import io.dsm.connection.CheckTarget;
import io.dsm.connection.service.ConnectionSpec;
import io.dsm.connection.service.TestSql;
import io.dsm.datasource.DatabaseAttribute;
import io.dsm.datasource.TlsMode;
import io.dsm.readiness.ReadinessScope;
import io.dsm.readiness.service.ReadinessLimits;

class ReadinessSql {
    public static void main(String[] args) {
        ConnectionSpec spec = new ConnectionSpec(CheckTarget.PRIMARY, DatabaseAttribute.PRIMARY, "127.0.0.1", 5432, args[0],
                Optional.empty(), null, args[1], args[2], TlsMode.PREFER, null, false, null);
        boolean superuser = args.length > 4 && Boolean.parseBoolean(args[4]);
        List<CatalogBatch.Query> session = TestSql.session(spec, EnumSet.allOf(ReadinessScope.class), Integer.parseInt(args[3]),
                ReadinessLimits.DEFAULTS, superuser, 5000);
        System.out.println(literal(session.get(0)) + ";");
        System.out.println("BEGIN;");
        for (CatalogBatch.Query query : session.subList(1, session.size())) {
            System.out.println(literal(query) + ";");
        }
        System.out.println("COMMIT;");
    }

    /** The query with each ? replaced by its parameter as a string literal (standard_conforming_strings is on). */
    private static String literal(CatalogBatch.Query query) {
        StringBuilder sql = new StringBuilder();
        String text = query.sql();
        int parameter = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '?' && parameter < query.parameters().size()) {
                sql.append('\'').append(query.parameters().get(parameter++).replace("'", "''")).append('\'');
            } else {
                sql.append(c);
            }
        }
        return sql.toString().strip();
    }
}
