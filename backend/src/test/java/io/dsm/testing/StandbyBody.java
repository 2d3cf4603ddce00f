package io.dsm.testing;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;

/** The standby half of a {@link DataSourceBody}; username and password left out default to the primary's. */
public final class StandbyBody {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private StandbyBody() {
    }

    public static StandbyBody at(String host, int port) {
        StandbyBody standby = new StandbyBody();
        standby.fields.put("host", host);
        standby.fields.put("port", port);
        return standby;
    }

    public StandbyBody username(String username) {
        fields.put("username", username);
        return this;
    }

    public StandbyBody password(String password) {
        fields.put("password", password);
        return this;
    }

    /** A reference to the standby's password instead of the password (file:NAME or env:DSM_SOURCE_...). */
    public StandbyBody passwordRef(String reference) {
        fields.remove("password");
        fields.put("passwordRef", reference);
        return this;
    }

    @JsonAnyGetter
    public Map<String, Object> fields() {
        return fields;
    }
}
