package io.dsm.provisioning.service;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.dsm.common.i18n.StoredTexts;
import io.dsm.config.DsmConfig;
import io.dsm.provisioning.api.ProvisioningFileResponse;
import io.dsm.provisioning.api.ProvisioningResponse;

/** What GET /api/provisioning shows: the folder, and the last apply of each file. */
@ApplicationScoped
public class ProvisioningStatus {

    @Inject
    AgroalDataSource store;
    @Inject
    @StoredTexts
    ObjectMapper texts;
    @Inject
    DsmConfig config;

    /** Each file's errors in {@code language}. */
    public ProvisioningResponse get(Locale language) throws SQLException {
        List<ProvisioningFileResponse> files = FileStatuses.all(store, texts).stream()
                .map(row -> new ProvisioningFileResponse(row.name(), row.status(), row.checkedAt(), row.appliedAt(), row.prune(),
                        row.sources(), row.errors().stream()
                                .map(e -> new ProvisioningFileResponse.Error(e.line(), e.field(), e.message().render(language))).toList()))
                .toList();
        return new ProvisioningResponse(config.provisioning().dir().isPresent(), files);
    }
}
