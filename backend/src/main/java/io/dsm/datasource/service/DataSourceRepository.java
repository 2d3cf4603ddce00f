package io.dsm.datasource.service;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dsm.datasource.DataSourceEntity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class DataSourceRepository implements PanacheRepositoryBase<DataSourceEntity, UUID> {

    public record Page(List<DataSourceEntity> items, long total) {
    }

    public Page search(DataSourceFilter filter) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (filter.q() != null) {
            where.append(" and searchText like :q escape '\\'");
            parameters.and("q", "%" + escapeLike(filter.q().toLowerCase(Locale.ROOT)) + "%");
        }
        if (filter.type() != null) {
            where.append(" and type = :type");
            parameters.and("type", filter.type());
        }
        if (filter.attribute() != null) {
            where.append(" and attribute = :attribute");
            parameters.and("attribute", filter.attribute());
        }
        if (filter.region() != null) {
            where.append(" and region = :region");
            parameters.and("region", filter.region());
        }
        long total = count(where.toString(), parameters);
        List<DataSourceEntity> items = total == 0 ? List.of()
                : find(where + " order by " + filter.sort().orderBy(), parameters)
                        .page(filter.page() - 1, filter.size()).list();
        return new Page(items, total);
    }

    public boolean identifierTaken(String identifier, UUID exceptId) {
        String lower = identifier.toLowerCase(Locale.ROOT);
        return exceptId == null
                ? count("lower(identifier) = ?1", lower) > 0
                : count("lower(identifier) = ?1 and id <> ?2", lower, exceptId) > 0;
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
