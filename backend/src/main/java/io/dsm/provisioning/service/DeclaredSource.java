package io.dsm.provisioning.service;

import io.dsm.datasource.api.DataSourceInput;

/** One data source a file declares, with the line its entry starts on. */
record DeclaredSource(DataSourceInput input, int line) {

    String identifier() {
        return input.identifier();
    }
}
