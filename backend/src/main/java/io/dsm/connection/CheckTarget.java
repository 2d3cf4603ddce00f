package io.dsm.connection;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CheckTarget", description = "PRIMARY: the data source's own endpoint. STANDBY: the standby of a PRIMARY_STANDBY data source.")
public enum CheckTarget {
    PRIMARY,
    STANDBY
}
