package ru.msoko.app.backup;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The application's tables as the database describes them (JDBC metadata, so a new table is included without
 * changing this code): columns with their {@link Kind}, primary key, identity columns, in an order where every
 * table comes after the tables its foreign keys point to. Flyway's own history table is not data.
 */
final class Schema {

    static final String FLYWAY_HISTORY = "flyway_schema_history";

    record Column(String name, Kind kind) {
    }

    record Table(String name, List<Column> columns, List<String> key, List<String> identity) {

        List<String> columnNames() {
            return columns.stream().map(Column::name).toList();
        }

        /** Rows in primary-key order (every column when a table has no key), for a stable checksum. */
        String selectOrdered() {
            List<String> order = key.isEmpty() ? columnNames() : key;
            return "select " + String.join(", ", columnNames()) + " from " + name + " order by " + String.join(", ", order);
        }
    }

    private Schema() {
    }

    /** Tables parents first: the order to load them; delete in the reverse order. */
    static List<Table> read(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String schema = c.getSchema();
        Map<String, Table> tables = new TreeMap<>();
        Map<String, TreeSet<String>> parents = new TreeMap<>();
        try (ResultSet rs = md.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (!name.equalsIgnoreCase(FLYWAY_HISTORY)) {
                    tables.put(name, null);
                }
            }
        }
        for (String name : new ArrayList<>(tables.keySet())) {
            tables.put(name, new Table(name, columns(md, schema, name), key(md, schema, name), identity(c, schema, name)));
            parents.put(name, parents(md, schema, name));
        }
        return ordered(tables, parents);
    }

    private static List<Column> columns(DatabaseMetaData md, String schema, String table) throws SQLException {
        Map<Integer, Column> byPosition = new TreeMap<>();
        try (ResultSet rs = md.getColumns(null, schema, table, "%")) {
            while (rs.next()) {
                String name = rs.getString("COLUMN_NAME");
                byPosition.put(rs.getInt("ORDINAL_POSITION"),
                        new Column(name, Kind.of(rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME"), table + "." + name)));
            }
        }
        return List.copyOf(byPosition.values());
    }

    private static List<String> key(DatabaseMetaData md, String schema, String table) throws SQLException {
        Map<Integer, String> bySeq = new TreeMap<>();
        try (ResultSet rs = md.getPrimaryKeys(null, schema, table)) {
            while (rs.next()) {
                bySeq.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        return List.copyOf(bySeq.values());
    }

    /** Identity columns: information_schema.columns.is_identity is standard SQL on both engines. */
    private static List<String> identity(Connection c, String schema, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select column_name from information_schema.columns
                where table_schema = ? and table_name = ? and upper(is_identity) in ('YES', 'TRUE')
                order by ordinal_position""")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static TreeSet<String> parents(DatabaseMetaData md, String schema, String table) throws SQLException {
        TreeSet<String> out = new TreeSet<>();
        try (ResultSet rs = md.getImportedKeys(null, schema, table)) {
            while (rs.next()) {
                String parent = rs.getString("PKTABLE_NAME");
                if (!parent.equals(table)) {
                    out.add(parent);
                }
            }
        }
        return out;
    }

    /** Topological order, alphabetical among tables whose parents are all placed (so the order is stable). */
    private static List<Table> ordered(Map<String, Table> tables, Map<String, TreeSet<String>> parents) {
        Map<String, Table> placed = new LinkedHashMap<>();
        while (placed.size() < tables.size()) {
            String next = tables.keySet().stream()
                    .filter(t -> !placed.containsKey(t))
                    .filter(t -> parents.get(t).stream().allMatch(p -> placed.containsKey(p) || !tables.containsKey(p)))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("foreign keys form a cycle among "
                            + tables.keySet().stream().filter(t -> !placed.containsKey(t)).toList()));
            placed.put(next, tables.get(next));
        }
        return List.copyOf(placed.values());
    }
}
