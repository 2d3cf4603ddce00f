package io.dsm.datasource.service;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.dsm.datasource.DataSourceEntity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class DataSourceRepository implements PanacheRepositoryBase<DataSourceEntity, UUID> {

    public record Page(List<DataSourceEntity> items, long total) {
    }

    /** @param ids only these, or null for any */
    public Page search(DataSourceFilter filter, Set<UUID> ids) {
        if (ids != null && ids.isEmpty()) {
            return new Page(List.of(), 0);
        }
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
        if (ids != null) {
            where.append(" and id in :ids");
            parameters.and("ids", ids);
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

    /** A row's sealed passwords, as stored. */
    public record SealedPasswords(UUID id, String password, String standbyPassword) {
    }

    /** Rows with a password sealed under another key than {@code fingerprint}, in id order after {@code after}. */
    @SuppressWarnings("unchecked")
    List<SealedPasswords> sealedUnderOtherKeys(String fingerprint, UUID after, int limit) {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                SELECT id, password_sealed, standby_password_sealed FROM data_source
                WHERE id > ?1 AND (split_part(password_sealed, '.', 2) <> ?2
                                   OR split_part(coalesce(standby_password_sealed, ''), '.', 2) NOT IN (?2, ''))
                ORDER BY id LIMIT ?3""").setParameter(1, after).setParameter(2, fingerprint).setParameter(3, limit)
                .getResultList();
        return rows.stream().map(row -> new SealedPasswords((UUID) row[0], (String) row[1], (String) row[2])).toList();
    }

    /** Swaps a row's sealed passwords, only if nobody changed them meanwhile; returns whether it did. */
    boolean reseal(SealedPasswords stored, String password, String standbyPassword) {
        return getEntityManager().createNativeQuery("""
                UPDATE data_source SET password_sealed = ?1, standby_password_sealed = ?2
                WHERE id = ?3 AND password_sealed IS NOT DISTINCT FROM ?4 AND standby_password_sealed IS NOT DISTINCT FROM ?5""")
                .setParameter(1, password).setParameter(2, standbyPassword).setParameter(3, stored.id())
                .setParameter(4, stored.password()).setParameter(5, stored.standbyPassword()).executeUpdate() == 1;
    }

    long countSealedUnderOtherKeys(String fingerprint) {
        return ((Number) getEntityManager().createNativeQuery("""
                SELECT count(*) FROM data_source WHERE split_part(password_sealed, '.', 2) <> ?1
                   OR split_part(coalesce(standby_password_sealed, ''), '.', 2) NOT IN (?1, '')""")
                .setParameter(1, fingerprint).getSingleResult()).longValue();
    }

    /** How many data sources hold a password sealed under each key other than {@code fingerprint}. */
    @SuppressWarnings("unchecked")
    Map<String, Long> countByOtherKey(String fingerprint) {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                SELECT key, count(DISTINCT id) FROM (
                    SELECT id, split_part(password_sealed, '.', 2) AS key FROM data_source
                    UNION ALL
                    SELECT id, split_part(standby_password_sealed, '.', 2) FROM data_source WHERE standby_password_sealed IS NOT NULL
                ) sealed WHERE key <> ?1 GROUP BY key""").setParameter(1, fingerprint).getResultList();
        return rows.stream().collect(Collectors.toMap(row -> (String) row[0], row -> ((Number) row[1]).longValue()));
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
