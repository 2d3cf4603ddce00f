// Where a connection test's time goes, measured outside dsm with the same pgjdbc jar: per iteration,
// the steps dsm's TargetProbe takes (a TCP probe, the pgjdbc connect with SCRAM, then the check
// queries one by one, then close), separately a plain "connect, SELECT 1, close" like pgbench -C,
// and the client's share of SCRAM-SHA-256: PBKDF2-HMAC-SHA256 with PostgreSQL's 4096 iterations in
// this JVM (what pgjdbc's SCRAM client computes per login; the server only checks the proof).
// Run with the service's pgjdbc on the class path (Java's single-file source launcher):
//
//   java -cp <app>/lib/main/org.postgresql.postgresql-<v>.jar bench/jdbc-connect-breakdown.java \
//        HOST PORT DATABASE USER PASSWORD WARMUP COUNT [MAX_SECONDS]
//
// Prints one line per step, "STEP <name> median_ms p90_ms", for the COUNT measured iterations.
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

public class JdbcConnectBreakdown {

    // The queries TargetProbe runs after connecting (since commit c6d466e): the server's facts in one
    // round trip, then the SCHEMA check and, with heartbeatEnabled, the HEARTBEAT check.
    static final String[][] CHECKS = {
        {"q_facts", "SELECT current_setting('server_version'), current_setting('server_version_num')::int, pg_is_in_recovery(), "
                + "current_setting('wal_level'), (SELECT r.rolreplication OR r.rolsuper FROM pg_roles r WHERE r.rolname = current_user), "
                + "has_database_privilege(current_database(), 'CREATE'), (SELECT CASE WHEN s.ssl THEN 'encrypted with ' || s.version "
                + "|| ' (' || s.cipher || ')' ELSE 'not encrypted' END FROM pg_stat_ssl s WHERE s.pid = pg_backend_pid())"},
        {"q_schema", "SELECT count(*) FILTER (WHERE has_schema_privilege(oid, 'USAGE')), count(*) FROM pg_namespace "
                + "WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_toast%' "
                + "AND nspname NOT LIKE 'pg\\_temp\\_%'"},
        {"q_heartbeat", "SELECT n.oid IS NOT NULL, n.oid IS NOT NULL AND has_schema_privilege(n.oid, 'USAGE'), "
                + "n.oid IS NOT NULL AND has_schema_privilege(n.oid, 'CREATE'), c.oid IS NOT NULL, "
                + "c.oid IS NOT NULL AND has_table_privilege(c.oid, 'INSERT') AND has_table_privilege(c.oid, 'UPDATE') "
                + "FROM (SELECT 'public'::name AS name) wanted LEFT JOIN pg_namespace n ON n.nspname = wanted.name "
                + "LEFT JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = 'oms_postgres_heartbeat'"},
    };

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        String url = "jdbc:postgresql://" + host + ":" + port + "/" + args[2];
        Properties props = new Properties();
        props.setProperty("user", args[3]);
        props.setProperty("password", args[4]);
        // The properties dsm's JdbcConnector sets (its pinned socket factory aside).
        props.setProperty("connectTimeout", "5");
        props.setProperty("socketTimeout", "5");
        props.setProperty("tcpKeepAlive", "false");
        props.setProperty("gssEncMode", "disable");
        props.setProperty("ApplicationName", "dsm bench breakdown");
        props.setProperty("sslmode", "prefer");
        int warmup = Integer.parseInt(args[5]);
        int count = Integer.parseInt(args[6]);
        long deadline = System.nanoTime() + (long) (Double.parseDouble(args.length > 7 ? args[7] : "120") * 1e9);
        org.postgresql.Driver driver = new org.postgresql.Driver();

        Map<String, List<Double>> times = new LinkedHashMap<>();
        for (String step : List.of("tcp_probe", "connect", "q_facts", "q_schema", "q_heartbeat", "close", "probe_total",
                "plain_connect", "plain_select1", "plain_close", "plain_total",
                "q_facts_first", "q_facts_again", "q_schema_first", "q_schema_again",
                "scram_pbkdf2_java")) {
            times.put(step, new ArrayList<>());
        }
        for (int i = 0; i < warmup + count && System.nanoTime() < deadline; i++) {
            boolean measure = i >= warmup;
            // The probe as dsm runs it.
            long t0 = System.nanoTime();
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 5000);
            }
            long t1 = System.nanoTime();
            Connection connection = driver.connect(url, props);
            long t2 = System.nanoTime();
            record(measure, times, "tcp_probe", t0, t1);
            record(measure, times, "connect", t1, t2);
            long last = t2;
            for (String[] check : CHECKS) {
                if (check[0].equals("q_facts")) {
                    try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(check[1])) {
                        row.next();
                    }
                } else {
                    try (PreparedStatement statement = connection.prepareStatement(check[1]); ResultSet row = statement.executeQuery()) {
                        row.next();
                    }
                }
                long now = System.nanoTime();
                record(measure, times, check[0], last, now);
                last = now;
            }
            connection.close();
            long t3 = System.nanoTime();
            record(measure, times, "close", last, t3);
            record(measure, times, "probe_total", t0, t3);

            // A plain connect, SELECT 1, close: what pgbench -C does per transaction.
            long p0 = System.nanoTime();
            Connection plain = driver.connect(url, props);
            long p1 = System.nanoTime();
            try (Statement statement = plain.createStatement(); ResultSet row = statement.executeQuery("SELECT 1")) {
                row.next();
            }
            long p2 = System.nanoTime();
            plain.close();
            long p3 = System.nanoTime();
            record(measure, times, "plain_connect", p0, p1);
            record(measure, times, "plain_select1", p1, p2);
            record(measure, times, "plain_close", p2, p3);
            record(measure, times, "plain_total", p0, p3);

            // The same queries twice on a fresh connection: the first run pays for the new backend's
            // empty catalog caches, the second shows the query itself.
            try (Connection fresh = driver.connect(url, props)) {
                String[] names = {"q_facts_first", "q_facts_again", "q_schema_first", "q_schema_again"};
                String[] sql = {CHECKS[0][1], CHECKS[0][1], CHECKS[1][1], CHECKS[1][1]};
                for (int j = 0; j < names.length; j++) {
                    long c0 = System.nanoTime();
                    try (Statement statement = fresh.createStatement(); ResultSet row = statement.executeQuery(sql[j])) {
                        row.next();
                    }
                    record(measure, times, names[j], c0, System.nanoTime());
                }
            }

            long k0 = System.nanoTime();
            SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(args[4].toCharArray(), "0123456789abcdef".getBytes(), 4096, 256)).getEncoded();
            record(measure, times, "scram_pbkdf2_java", k0, System.nanoTime());
        }
        for (Map.Entry<String, List<Double>> step : times.entrySet()) {
            double[] values = step.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
            if (values.length == 0) {
                continue;
            }
            System.out.printf("STEP %s %.2f %.2f %d%n", step.getKey(), median(values),
                    values[(int) Math.ceil(values.length * 0.9) - 1], values.length);
        }
    }

    static void record(boolean measure, Map<String, List<Double>> times, String step, long from, long to) {
        if (measure) {
            times.get(step).add((to - from) / 1e6);
        }
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
