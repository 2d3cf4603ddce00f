package io.dsm.datasource.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.dsm.audit.Change;
import io.dsm.datasource.DataSourceEntity;
import io.dsm.datasource.DataSourceInput;

/** What a create or an update changed in a data source, for the audit log. Passwords show only as changed. */
final class DataSourceChanges {

    private DataSourceChanges() {
    }

    /** The fields an operator sees, by name, as text; never a sealed or clear password. */
    static Map<String, String> snapshot(DataSourceEntity entity) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("identifier", entity.identifier);
        fields.put("type", text(entity.type));
        fields.put("region", entity.region);
        fields.put("attribute", text(entity.attribute));
        fields.put("heartbeatEnabled", String.valueOf(entity.heartbeatEnabled));
        fields.put("heartbeatSchema", entity.heartbeatSchema);
        fields.put("host", entity.host);
        fields.put("port", String.valueOf(entity.port));
        fields.put("username", entity.username);
        fields.put("databaseName", entity.databaseName);
        fields.put("schemaName", entity.schemaName);
        fields.put("remarks", entity.remarks);
        fields.put("tls.mode", entity.tlsMode == null ? null : entity.tlsMode.value());
        fields.put("tls.caCertificate", entity.tlsCaCertificate == null ? null : "[certificate]");
        fields.put("standby.host", entity.standby == null ? null : entity.standby.host);
        fields.put("standby.port", entity.standby == null ? null : text(entity.standby.port));
        fields.put("standby.username", entity.standby == null ? null : entity.standby.username);
        // A reference names where the secret is, not the secret: it shows like any other field.
        fields.put("passwordRef", entity.passwordRef);
        fields.put("standby.passwordRef", entity.standby == null ? null : entity.standby.passwordRef);
        return fields;
    }

    static List<Change> between(Map<String, String> before, Map<String, String> after, DataSourceInput input) {
        List<Change> changes = new ArrayList<>();
        after.forEach((field, value) -> {
            String old = before.get(field);
            if (!Objects.equals(old, value)) {
                changes.add(new Change(field, old, value));
            }
        });
        if (input.password() != null) {
            changes.add(Change.ofSecret("password"));
        }
        if (input.standby() != null && input.standby().password() != null) {
            changes.add(Change.ofSecret("standby.password"));
        }
        return changes;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
