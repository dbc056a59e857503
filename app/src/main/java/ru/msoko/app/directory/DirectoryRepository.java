package ru.msoko.app.directory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.msoko.core.domain.Municipality;
import ru.msoko.core.domain.School;
import ru.msoko.core.domain.SchoolIdentifier;

/** Reads and writes the reference directory: municipalities, schools with identifiers, subjects. */
@Repository
public class DirectoryRepository {

    private final JdbcClient jdbc;

    DirectoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public DirectorySnapshot snapshot() {
        Map<String, List<DirectorySnapshot.Identifier>> ids = new HashMap<>();
        jdbc.sql("""
                select i.lookup_key, s.code, i.valid_from, i.valid_to
                from school_identifier i join school s on s.id = i.school_id
                order by i.id""")
                .query((rs, n) -> {
                    ids.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new DirectorySnapshot.Identifier(
                            rs.getString(2), (Integer) rs.getObject(3), (Integer) rs.getObject(4)));
                    return null;
                }).list();
        Map<String, String> subjects = new HashMap<>();
        jdbc.sql("select a.alias_key, s.code from subject_alias a join subject s on s.id = a.subject_id")
                .query((rs, n) -> subjects.put(rs.getString(1), rs.getString(2))).list();
        Map<String, Long> schoolIds = new HashMap<>();
        Map<String, String> schoolNames = new HashMap<>();
        jdbc.sql("select code, id, name from school").query((rs, n) -> {
            schoolNames.put(rs.getString(1), rs.getString(3));
            return schoolIds.put(rs.getString(1), rs.getLong(2));
        }).list();
        Map<String, Long> subjectIds = new HashMap<>();
        jdbc.sql("select code, id from subject").query((rs, n) -> subjectIds.put(rs.getString(1), rs.getLong(2))).list();
        return new DirectorySnapshot(ids, subjects, schoolIds, subjectIds, schoolNames);
    }

    /** Inserts or updates a municipality by code; returns its id. */
    public long saveMunicipality(Municipality m) {
        int updated = jdbc.sql("update municipality set name = :name where code = :code")
                .param("name", m.name()).param("code", m.code()).update();
        if (updated == 0) {
            jdbc.sql("insert into municipality (code, name) values (:code, :name)")
                    .param("code", m.code()).param("name", m.name()).update();
        }
        return jdbc.sql("select id from municipality where code = :code").param("code", m.code())
                .query(Long.class).single();
    }

    /**
     * Inserts or updates a school by code with all its identifiers (the identifier list is replaced:
     * the file is the directory's source of truth for that school).
     */
    public long saveSchool(School s, long municipalityId) {
        var context = s.context();
        int updated = jdbc.sql("""
                update school set name = :name, municipality_id = :mun, school_type = :type, settlement = :settlement,
                    pupils = :pupils, teachers = :teachers, ses_index = :ses, low_results = :low,
                    non_native_share = :lang
                where code = :code""")
                .params(schoolParams(s, municipalityId)).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into school (code, name, municipality_id, school_type, settlement, pupils, teachers,
                        ses_index, low_results, non_native_share)
                    values (:code, :name, :mun, :type, :settlement, :pupils, :teachers, :ses, :low, :lang)""")
                    .params(schoolParams(s, municipalityId)).update();
        }
        long id = jdbc.sql("select id from school where code = :code").param("code", s.code()).query(Long.class).single();
        jdbc.sql("delete from school_identifier where school_id = :id").param("id", id).update();
        for (SchoolIdentifier i : s.identifiers()) {
            jdbc.sql("""
                    insert into school_identifier (school_id, kind, identifier, lookup_key, valid_from, valid_to)
                    values (:school, :kind, :identifier, :key, :from, :to)""")
                    .param("school", id).param("kind", i.kind().name()).param("identifier", i.value())
                    .param("key", Keys.of(i.value())).param("from", i.validFrom()).param("to", i.validTo())
                    .update();
        }
        return id;
    }

    private static Map<String, Object> schoolParams(School s, long municipalityId) {
        var c = s.context();
        Map<String, Object> p = new HashMap<>();
        p.put("code", s.code());
        p.put("name", s.name());
        p.put("mun", municipalityId);
        p.put("type", s.type() == null ? null : s.type().name());
        p.put("settlement", s.settlement() == null ? null : s.settlement().name());
        p.put("pupils", c.pupils());
        p.put("teachers", c.teachers());
        p.put("ses", c.sesIndex());
        p.put("low", c.lowResults());
        p.put("lang", c.nonNativeShare());
        return p;
    }

    /** Codes already used by another school, to reject a directory file that would make them ambiguous. */
    public Map<String, String> identifierOwners() {
        Map<String, String> owners = new HashMap<>();
        jdbc.sql("select i.lookup_key, s.code from school_identifier i join school s on s.id = i.school_id")
                .query((rs, n) -> owners.put(rs.getString(1), rs.getString(2))).list();
        return owners;
    }

    /**
     * The municipality a results file names: by its code when the file gives one («reg22_m019 | …», stored or
     * renamed), else by its name, created when unknown with a code made from the name.
     */
    public Municipality ensureMunicipality(String code, String name) {
        if (code == null) {
            String key = Municipality.nameKey(name);
            var known = jdbc.sql("select code, name from municipality order by id")
                    .query((rs, n) -> new Municipality(rs.getString(1), rs.getString(2))).list().stream()
                    .filter(m -> Municipality.nameKey(m.name()).equals(key)).findFirst();
            if (known.isPresent()) {
                return known.get();
            }
            code = "M" + Integer.toHexString(Keys.of(key).hashCode());
        }
        Municipality m = new Municipality(code, name.trim());
        saveMunicipality(m);
        return m;
    }

    public long municipalityId(String code) {
        return jdbc.sql("select id from municipality where code = :code").param("code", code)
                .query(Long.class).optional().orElseThrow(() -> new IllegalArgumentException(code));
    }

    /** Creates a subject on request (import with «create missing»). */
    public void createSubject(String name) {
        String code = "X" + Math.abs(Keys.of(name).hashCode());
        jdbc.sql("insert into subject (code, name) values (:code, :name)").param("code", code).param("name", name)
                .update();
        jdbc.sql("insert into subject_alias (alias_key, subject_id) select :key, id from subject where code = :code")
                .param("key", Keys.of(name)).param("code", code).update();
    }
}
