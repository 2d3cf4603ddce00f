package io.dsm.datasource;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The database product of a data source. New products are added as new constants. */
@Schema(name = "DataSourceType", description = "The database product. POSTGRESQL is the only type supported now.")
public enum DataSourceType {
    POSTGRESQL
}
