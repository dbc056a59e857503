package ru.msoko.app.resultstore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import ru.msoko.core.domain.Procedure;
import ru.msoko.core.domain.ProcedureKind;
import ru.msoko.core.domain.ResultBlock;
import ru.msoko.core.domain.TaskLayout;

/**
 * One stored block with what its row joins to: the procedure (key by subject code, and the subject's name for the
 * analysis engine, which matches subjects by name), the school's code and the procedure's task layout (parsed once per block).
 */
public record StoredBlock(long id, long importId, long assessmentId, long schoolId, int rowCount, byte[] data,
                          String schoolCode, Procedure.Key procedure, String subjectName, TaskLayout layout) {

    static StoredBlock of(ResultSet rs) throws SQLException {
        return new StoredBlock(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getInt(5),
                rs.getBytes(6), rs.getString(7), new Procedure.Key(ProcedureKind.valueOf(rs.getString(8)),
                        rs.getInt(9), rs.getString(10), rs.getInt(12)), rs.getString(11), TaskLayout.parse(rs.getString(13)));
    }

    /** The rows, with the procedure keyed by subject code as everywhere but the engine. */
    public List<ResultBlock.Row> rows() {
        return ResultBlock.decode(data, procedure, schoolCode);
    }

    /** The rows keyed by subject name, as the analysis engine takes them. */
    public List<ResultBlock.Row> rowsBySubjectName() {
        return ResultBlock.decode(data, new Procedure.Key(procedure.kind(), procedure.year(), subjectName,
                procedure.grade()), schoolCode);
    }
}
