package io.dsm.testing;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;

/**
 * A data source request body (create, update, test-connection), built in the test's words and sent
 * as JSON as it stands. Setting a field to null sends an explicit null; {@link #without} leaves the
 * field out; {@link #with} sends any value, for tests of what the API does with a wrong one.
 */
public final class DataSourceBody {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private DataSourceBody() {
    }

    /** A PostgreSQL primary at 10.0.12.7, with a distinctive password (see {@link DataSources#PASSWORD}). */
    public static DataSourceBody primary(String identifier) {
        return new DataSourceBody().identifier(identifier).type("POSTGRESQL").attribute("PRIMARY").host("10.0.12.7").port(5432)
                .username("migrator").password(DataSources.PASSWORD).databaseName("orders");
    }

    /** {@link #primary} with a standby at 10.0.12.8 whose username and password default to the primary's. */
    public static DataSourceBody primaryStandby(String identifier) {
        return primary(identifier).attribute("PRIMARY_STANDBY").standby(StandbyBody.at("10.0.12.8", 5433));
    }

    /** The migration user of a {@link TargetServer} on this port, without an identifier (a test of an unsaved form). */
    public static DataSourceBody migrator(int port) {
        return new DataSourceBody().type("POSTGRESQL").attribute("PRIMARY").host("127.0.0.1").port(port)
                .username(TargetServer.MIGRATOR).password(TargetServer.MIGRATOR_PASSWORD).databaseName(TargetServer.DATABASE);
    }

    public DataSourceBody identifier(String identifier) {
        return with("identifier", identifier);
    }

    public DataSourceBody type(String type) {
        return with("type", type);
    }

    public DataSourceBody region(String region) {
        return with("region", region);
    }

    public DataSourceBody attribute(String attribute) {
        return with("attribute", attribute);
    }

    public DataSourceBody heartbeat(boolean heartbeat) {
        return with("heartbeatEnabled", heartbeat);
    }

    public DataSourceBody host(String host) {
        return with("host", host);
    }

    public DataSourceBody port(int port) {
        return with("port", port);
    }

    public DataSourceBody username(String username) {
        return with("username", username);
    }

    public DataSourceBody password(String password) {
        return with("password", password);
    }

    public DataSourceBody databaseName(String databaseName) {
        return with("databaseName", databaseName);
    }

    public DataSourceBody schemaName(String schemaName) {
        return with("schemaName", schemaName);
    }

    public DataSourceBody heartbeatSchema(String heartbeatSchema) {
        return with("heartbeatSchema", heartbeatSchema);
    }

    public DataSourceBody remarks(String remarks) {
        return with("remarks", remarks);
    }

    public DataSourceBody standby(StandbyBody standby) {
        return with("standby", standby);
    }

    public DataSourceBody tls(String mode, String caCertificate) {
        Map<String, Object> tls = new LinkedHashMap<>();
        tls.put("mode", mode);
        tls.put("caCertificate", caCertificate);
        return with("tls", tls);
    }

    public DataSourceBody version(long version) {
        return with("version", version);
    }

    /** Any value for any field, typed or not. */
    public DataSourceBody with(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    /** Leaves the field out of the JSON. */
    public DataSourceBody without(String field) {
        fields.remove(field);
        return this;
    }

    public Object get(String field) {
        return fields.get(field);
    }

    /** A copy to change without changing this one. */
    public DataSourceBody copy() {
        DataSourceBody copy = new DataSourceBody();
        copy.fields.putAll(fields);
        return copy;
    }

    @JsonAnyGetter
    public Map<String, Object> fields() {
        return fields;
    }

    @Override
    public String toString() {
        return fields.toString();
    }
}
