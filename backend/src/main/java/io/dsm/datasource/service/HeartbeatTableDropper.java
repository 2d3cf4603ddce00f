package io.dsm.datasource.service;

import io.dsm.datasource.StoredSource;

/**
 * Drops a data source's heartbeat table from the data source's own database. The datasource domain
 * owns this port and the heartbeat domain implements it. It waits on the network, so it is called
 * outside any transaction.
 */
public interface HeartbeatTableDropper {

    /** @throws NotDropped with the table and the reason, a sentence without the password */
    void drop(StoredSource dataSource) throws NotDropped;

    /** The table is still there, or may be. */
    final class NotDropped extends Exception {

        private final String table;
        private final String reason;

        public NotDropped(String table, String reason) {
            super(reason, null, false, false);
            this.table = table;
            // the reason is put inside a sentence of the answer: it must not end one itself
            this.reason = reason.endsWith(".") ? reason.substring(0, reason.length() - 1) : reason;
        }

        /** Schema and name, for example {@code public.oms_postgres_heartbeat}. */
        public String table() {
            return table;
        }

        public String reason() {
            return reason;
        }
    }
}
