package io.dsm.common.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Catalog queries sent to the server together and answered in one round trip. Once connected, a
 * test's time is round trips and a fresh backend's first parses, so every check's query goes in
 * one batch; the answers are read back in the order the queries were added.
 */
public final class CatalogBatch implements AutoCloseable {

    /** One query of the batch; {@code ?} parameters are bound as text, never concatenated. */
    public record Query(String sql, List<String> parameters) {

        public static Query of(String sql, String... parameters) {
            return new Query(sql, List.of(parameters));
        }
    }

    private final PreparedStatement statement;
    private boolean first = true;

    private CatalogBatch(PreparedStatement statement) {
        this.statement = statement;
    }

    public static CatalogBatch send(Connection connection, List<Query> queries) throws SQLException {
        String sql = queries.stream().map(Query::sql).collect(Collectors.joining(";\n"));
        List<String> parameters = new ArrayList<>();
        queries.forEach(query -> parameters.addAll(query.parameters()));
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setString(i + 1, parameters.get(i));
            }
            statement.execute();
            return new CatalogBatch(statement);
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    /** The answer to the next query, in the order they were added. */
    public ResultSet next() throws SQLException {
        if (!first && !statement.getMoreResults()) {
            throw new SQLException("The server sent fewer answers than the batch had queries.");
        }
        first = false;
        return statement.getResultSet();
    }

    /**
     * Passes over the answer of the next statement when it returns no rows (a DO block, which answers
     * with a command tag only), so that the answers after it are read in order.
     */
    public void skipCommand() throws SQLException {
        if (statement.getMoreResults() || statement.getUpdateCount() == -1) {
            throw new SQLException("The server's answers do not match the batch's statements.");
        }
    }

    @Override
    public void close() throws SQLException {
        statement.close();
    }
}
