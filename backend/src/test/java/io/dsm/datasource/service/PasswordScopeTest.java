package io.dsm.datasource.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dsm.datasource.DataSourceEntity;
import io.dsm.datasource.StandbyEndpoint;
import io.dsm.datasource.TlsMode;
import io.dsm.datasource.DataSourceInput;
import io.dsm.datasource.Rules;

/**
 * The endpoint a saved password belongs to is exactly what the API publishes (Rules.PASSWORD_SCOPE, which the
 * console reads): a change of any field in that list moves the password, a change of any other field does not.
 */
class PasswordScopeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every field of a pair's body, and a value it could change to. */
    private static final Map<String, Object> CHANGES = new LinkedHashMap<>();

    static {
        CHANGES.put("identifier", "orders02");
        CHANGES.put("region", "elsewhere");
        CHANGES.put("heartbeatEnabled", false);
        CHANGES.put("heartbeatSchema", "beats");
        CHANGES.put("host", "10.0.12.70");
        CHANGES.put("port", 6432);
        CHANGES.put("username", "someone");
        CHANGES.put("databaseName", "invoices");
        CHANGES.put("schemaName", "sales");
        CHANGES.put("remarks", "moved to rack 4");
        CHANGES.put("tls.mode", "verify-full");
        CHANGES.put("tls.caCertificate", "another CA");
        CHANGES.put("standby.host", "10.0.12.80");
        CHANGES.put("standby.port", 6433);
        CHANGES.put("standby.username", "standby_someone");
    }

    /** A pair as saved, with a standby user of its own (the shared username is its own test). */
    private static Map<String, Object> savedBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("identifier", "orders01");
        body.put("type", "POSTGRESQL");
        body.put("region", "default");
        body.put("attribute", "PRIMARY_STANDBY");
        body.put("heartbeatEnabled", true);
        body.put("heartbeatSchema", "public");
        body.put("host", "10.0.12.7");
        body.put("port", 5432);
        body.put("username", "migrator");
        body.put("databaseName", "orders");
        body.put("schemaName", "public");
        body.put("remarks", "primary of orders");
        body.put("tls", new LinkedHashMap<>(Map.of("mode", "verify-ca", "caCertificate", "the CA")));
        body.put("standby", new LinkedHashMap<>(Map.of("host", "10.0.12.8", "port", 5433, "username", "standby_migrator")));
        return body;
    }

    private static DataSourceEntity saved(Map<String, Object> body) {
        DataSourceInput input = input(body);
        DataSourceEntity entity = new DataSourceEntity();
        entity.host = input.host();
        entity.port = input.port();
        entity.username = input.username();
        entity.tlsMode = input.tls().modeOrDefault();
        entity.tlsCaCertificate = input.tls().caCertificate();
        entity.standby = new StandbyEndpoint();
        entity.standby.host = input.standby().host();
        entity.standby.port = input.standby().port();
        entity.standby.username = input.standby().username() == null ? input.username() : input.standby().username();
        return entity;
    }

    private static DataSourceInput input(Map<String, Object> body) {
        return JSON.convertValue(body, DataSourceInput.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> changed(String path) {
        Map<String, Object> body = savedBody();
        String[] parts = path.split("\\.");
        Map<String, Object> parent = parts.length == 1 ? body : (Map<String, Object>) body.get(parts[0]);
        parent.put(parts[parts.length - 1], CHANGES.get(path));
        return body;
    }

    private static List<String> published(String scope) throws Exception {
        return JSON.readValue(scope, new TypeReference<List<String>>() {
        });
    }

    static Stream<String> fields() {
        return CHANGES.keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    void movesASavedPasswordExactlyWhenAFieldItIsPublishedToBeBoundToChanges(String field) throws Exception {
        PasswordScope scope = PasswordScope.of(StoredDataSources.valueOf(saved(savedBody())), input(changed(field)));

        assertThat(scope.keepsPrimaryPassword()).as("primary kept").isEqualTo(!published(Rules.PASSWORD_SCOPE).contains(field));
        assertThat(scope.keepsStandbyPassword()).as("standby kept")
                .isEqualTo(!published(Rules.STANDBY_PASSWORD_SCOPE).contains(field));
    }

    @Test
    void coversEveryPublishedField() throws Exception {
        assertThat(CHANGES.keySet()).containsAll(published(Rules.PASSWORD_SCOPE)).containsAll(published(Rules.STANDBY_PASSWORD_SCOPE));
    }

    @Test
    void comparesHostNamesIgnoringCase() {
        Map<String, Object> body = savedBody();
        body.put("host", "Orders.Example.COM");
        DataSourceEntity entity = saved(body);
        body.put("host", "orders.example.com");

        assertThat(PasswordScope.of(StoredDataSources.valueOf(entity), input(body)).keepsPrimaryPassword()).isTrue();
    }

    @Test
    void movesAStandbyThatSharesTheUsernameWhenTheUsernameChanges() {
        Map<String, Object> body = savedBody();
        ((Map<?, ?>) body.get("standby")).remove("username");
        DataSourceEntity entity = saved(body);
        body.put("username", "someone");

        assertThat(PasswordScope.of(StoredDataSources.valueOf(entity), input(body)).keepsStandbyPassword()).isFalse();
    }

    @Test
    void keepsNothingForADataSourceNotSavedYet() {
        PasswordScope scope = PasswordScope.of(StoredDataSources.valueOf(new DataSourceEntity()), input(savedBody()));

        assertThat(scope.keepsPrimaryPassword()).isFalse();
        assertThat(scope.keepsStandbyPassword()).isFalse();
        assertThat(scope.passwordsToGiveAgain(false)).isEmpty();
    }

    @Test
    void readsAnAbsentTlsModeAsPrefer() {
        Map<String, Object> body = savedBody();
        body.put("tls", new LinkedHashMap<>(Map.of("mode", "prefer")));
        DataSourceEntity entity = saved(body);
        entity.tlsMode = TlsMode.PREFER;
        body.remove("tls");

        assertThat(PasswordScope.of(StoredDataSources.valueOf(entity), input(body)).keepsPrimaryPassword()).isTrue();
    }
}
