package io.dsm.datasource;

import java.util.UUID;

/** Which stored data source: its id and the identifier people know it by, for domains that need no more of it. */
public record SourceIdentity(UUID id, String identifier) {
}
