package io.dsm.provisioning.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import io.dsm.acceptance.service.AcceptanceRules;
import io.dsm.acceptance.service.Acceptances;
import io.dsm.datasource.DataSourceInput;
import io.dsm.datasource.StandbyInput;
import io.dsm.datasource.service.ProvisionedSources;

/**
 * Writes the data sources managed through the API as a provisioning file, with the accepted risks in
 * force on each, so that a clicked setup becomes code (those a file declares are code already).
 * Passwords never leave: a reference is kept, a stored password becomes a file reference to fill in.
 */
@ApplicationScoped
public class Export {

    private final ProvisionedSources sources;
    private final Acceptances acceptances;

    public Export(ProvisionedSources sources, Acceptances acceptances) {
        this.sources = sources;
        this.acceptances = acceptances;
    }

    public String yaml() {
        List<ProvisionedSources.Exported> all = sources.managedThroughTheApi();
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("apiVersion", ProvisioningParser.API_VERSION);
        file.put("prune", false);
        file.put("dataSources", all.stream().map(this::entry).toList());
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setWidth(120);
        return """
                # Data sources exported from dsm, as a provisioning file for DSM_PROVISIONING_DIR.
                # Passwords are not exported. Each passwordRef: file:<identifier>.pw below names a file to create under
                # DSM_SECRETS_DIR with that data source's password (one trailing newline is trimmed), unless it was a
                # reference already. Set prune: true once this file lists every data source it should manage.
                # acceptedFindings are the accepted risks in force: applied, the file manages them (it accepts them).
                """ + new Yaml(options).dump(file);
    }

    private Map<String, Object> entry(ProvisionedSources.Exported exported) {
        DataSourceInput source = exported.declared();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("identifier", source.identifier());
        entry.put("type", source.type().name());
        entry.put("region", source.region());
        entry.put("attribute", source.attribute().name());
        entry.put("host", source.host());
        entry.put("port", source.port());
        entry.put("username", source.username());
        entry.put("passwordRef", source.passwordRef() != null ? source.passwordRef() : "file:" + source.identifier() + ".pw");
        entry.put("databaseName", source.databaseName());
        putIfSet(entry, "schemaName", source.schemaName());
        entry.put("heartbeatEnabled", source.heartbeatEnabled());
        putIfSet(entry, "heartbeatSchema", source.heartbeatSchema());
        putIfSet(entry, "remarks", source.remarks());
        Map<String, Object> tls = new LinkedHashMap<>();
        tls.put("mode", source.tls().mode().value());
        putIfSet(tls, "caCertificate", source.tls().caCertificate());
        entry.put("tls", tls);
        StandbyInput standby = source.standby();
        if (standby != null) {
            Map<String, Object> pair = new LinkedHashMap<>();
            pair.put("host", standby.host());
            pair.put("port", standby.port());
            pair.put("username", standby.username());
            // ".standby", not "-standby": an identifier may hold a hyphen but never a dot, so the standby's file of
            // "pg" can never be the primary's file of a data source called "pg-standby".
            pair.put("passwordRef", standby.passwordRef() != null ? standby.passwordRef()
                    : "file:" + source.identifier() + ".standby.pw");
            entry.put("standby", pair);
        }
        List<Map<String, Object>> accepted = acceptances.live(exported.id()).stream().map(Export::acceptedFinding).toList();
        if (!accepted.isEmpty()) {
            entry.put(AcceptedFindings.FIELD, accepted);
        }
        return entry;
    }

    /** An acceptance in force as the file declares it; applying the file makes it the file's, accepted by the file. */
    private static Map<String, Object> acceptedFinding(AcceptanceRules.Accepted acceptance) {
        Map<String, Object> finding = new LinkedHashMap<>();
        finding.put("check", acceptance.check().id());
        if (!acceptance.objects().isEmpty()) {
            finding.put("objects", acceptance.objects());
        }
        finding.put("reason", acceptance.reason());
        finding.put("severity", acceptance.severity().name());
        if (acceptance.expiresAt() != null) {
            finding.put("expiresAt", acceptance.expiresAt().toString());
        }
        return finding;
    }

    private static void putIfSet(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }
}
