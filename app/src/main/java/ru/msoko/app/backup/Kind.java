package ru.msoko.app.backup;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Locale;

/**
 * A column's value type in the backup, with its canonical text form: the same value reads as the same text on H2
 * and on PostgreSQL, so checksums agree across engines (docs/architecture.md, «Backup and restore»).
 */
enum Kind {
    INTEGER {
        @Override
        String read(ResultSet rs, int i) throws SQLException {
            long v = rs.getLong(i);
            return rs.wasNull() ? null : Long.toString(v);
        }

        @Override
        void bind(PreparedStatement ps, int i, String text) throws SQLException {
            ps.setLong(i, Long.parseLong(text));
        }
    },
    DOUBLE {
        @Override
        String read(ResultSet rs, int i) throws SQLException {
            double v = rs.getDouble(i);
            return rs.wasNull() ? null : Double.toString(v);
        }

        @Override
        void bind(PreparedStatement ps, int i, String text) throws SQLException {
            ps.setDouble(i, Double.parseDouble(text));
        }
    },
    DECIMAL {
        @Override
        String read(ResultSet rs, int i) throws SQLException {
            BigDecimal v = rs.getBigDecimal(i);
            return v == null ? null : v.toPlainString();
        }

        @Override
        void bind(PreparedStatement ps, int i, String text) throws SQLException {
            ps.setBigDecimal(i, new BigDecimal(text));
        }
    },
    BOOLEAN {
        @Override
        String read(ResultSet rs, int i) throws SQLException {
            boolean v = rs.getBoolean(i);
            return rs.wasNull() ? null : Boolean.toString(v);
        }

        @Override
        void bind(PreparedStatement ps, int i, String text) throws SQLException {
            ps.setBoolean(i, Boolean.parseBoolean(text));
        }
    },
    DATE {
        @Override
        String read(ResultSet rs, int i) throws SQLException {
            LocalDate v = rs.getObject(i, LocalDate.class);
            return v == null ? null : v.toString();
        }

        @Override
        void bind(PreparedStatement ps, int i, String text) throws SQLException {
            ps.setObject(i, LocalDate.parse(text));
        }
    },
    /** A moment: written in UTC, ISO-8601 ({@link Instant#toString()}). */
    TIMESTAMPTZ {
        @Override
        String read(ResultSet rs, int i) throws SQLException {
            OffsetDateTime v = rs.getObject(i, OffsetDateTime.class);
            return v == null ? null : v.toInstant().toString();
        }

        @Override
        void bind(PreparedStatement ps, int i, String text) throws SQLException {
            ps.setObject(i, OffsetDateTime.ofInstant(Instant.parse(text), ZoneOffset.UTC));
        }
    },
    TIMESTAMP {
        @Override
        String read(ResultSet rs, int i) throws SQLException {
            LocalDateTime v = rs.getObject(i, LocalDateTime.class);
            return v == null ? null : v.toString();
        }

        @Override
        void bind(PreparedStatement ps, int i, String text) throws SQLException {
            ps.setObject(i, LocalDateTime.parse(text));
        }
    },
    TEXT {
        @Override
        String read(ResultSet rs, int i) throws SQLException {
            return rs.getString(i);
        }

        @Override
        void bind(PreparedStatement ps, int i, String text) throws SQLException {
            ps.setString(i, text);
        }
    },
    /** Bytes (the result blocks, V28) as Base64: the same bytes give the same text on either engine. */
    BINARY {
        @Override
        String read(ResultSet rs, int i) throws SQLException {
            byte[] v = rs.getBytes(i);
            return v == null ? null : Base64.getEncoder().encodeToString(v);
        }

        @Override
        void bind(PreparedStatement ps, int i, String text) throws SQLException {
            ps.setBytes(i, Base64.getDecoder().decode(text));
        }
    };

    /** The canonical text of column {@code i}, or null for SQL NULL. */
    abstract String read(ResultSet rs, int i) throws SQLException;

    /** Binds the canonical text (never null: nulls are bound by the caller). */
    abstract void bind(PreparedStatement ps, int i, String text) throws SQLException;

    /** Lower-case name written in a table file's second line. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The kind of a JDBC column. The type name decides for «timestamp with time zone», which pgjdbc reports as
     * {@link Types#TIMESTAMP}; PostgreSQL's boolean is reported as {@link Types#BIT}.
     */
    static Kind of(int jdbcType, String typeName, String column) {
        String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        if (name.equals("timestamptz") || name.contains("with time zone")) {
            return TIMESTAMPTZ;
        }
        return switch (jdbcType) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> INTEGER;
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> DOUBLE;
            case Types.NUMERIC, Types.DECIMAL -> DECIMAL;
            case Types.BOOLEAN, Types.BIT -> BOOLEAN;
            case Types.DATE -> DATE;
            case Types.TIMESTAMP_WITH_TIMEZONE -> TIMESTAMPTZ;
            case Types.TIMESTAMP -> TIMESTAMP;
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.CLOB -> TEXT;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> BINARY;
            default -> throw new IllegalStateException("column " + column + " has type " + typeName
                    + " that backup does not know: add it to " + Kind.class.getName());
        };
    }
}
