package io.dsm.datasource;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A registered data source as stored. The API never exposes this class; see the api package. */
@Entity
@Table(name = "data_source")
public class DataSourceEntity {

    @Id
    public UUID id;

    public String identifier;

    @Enumerated(EnumType.STRING)
    public DataSourceType type;

    public String region;

    @Enumerated(EnumType.STRING)
    public DatabaseAttribute attribute;

    public boolean heartbeatEnabled;

    public String host;

    public int port;

    public String username;

    /** Sealed by {@link io.dsm.common.crypto.SecretCipher} with the id as associated data. */
    /** Null when the password is read from {@link #passwordRef} instead. */
    public String passwordSealed;

    /** Where the password is read at each use (file:NAME or env:DSM_SOURCE_...), instead of a sealed one. */
    public String passwordRef;

    /** The provisioning file that declares this data source; null when it is managed through the API. */
    public String provisionedBy;

    public String databaseName;

    public String schemaName;

    public String remarks;

    /** Null: public. */
    public String heartbeatSchema;

    public TlsMode tlsMode = TlsMode.PREFER;

    /** PEM; used with the verify modes only. */
    public String tlsCaCertificate;

    /** Null unless the attribute is PRIMARY_STANDBY. */
    @Embedded
    public StandbyEndpoint standby;

    /** The searchable fields in one lower-case text, kept by the database (V4__search_index.sql). */
    @Column(insertable = false, updatable = false)
    public String searchText;

    @Version
    public long version;

    public Instant createdAt;

    public Instant updatedAt;
}
