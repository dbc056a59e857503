package ru.msoko.core.olympiad;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns of one protocol table, from its header row and, when the header is two rows high (merged cells:
 * «Баллы за задания» over «1 2 3 … Итого», data-formats §3), the row below it. A merged cell is read by the
 * spreadsheet as its top-left cell only, so a blank top cell over a filled sub-header cell belongs to the group to
 * its left.
 */
final class ProtocolColumns {

    /** The header text of every column, group and sub-header joined («Баллы за задания 3»). */
    final String[] names;
    final Role[] roles;
    /** How many rows the header takes (1 or 2). */
    final int height;

    private ProtocolColumns(String[] names, Role[] roles, int height) {
        this.names = names;
        this.roles = roles;
        this.height = height;
    }

    /** The header starting at {@code top}, with {@code next} as its second row when it is one; {@code null} if none. */
    static ProtocolColumns of(String[] top, String[] next) {
        ProtocolColumns single = single(top);
        if (next != null && single.identity() >= 0 && cell(next, single.identity()).isBlank()
                && continuesGroup(top, next)) {
            ProtocolColumns two = two(top, next);
            if (two.isTable()) {
                return two;
            }
        }
        return single.isTable() ? single : null;
    }

    private static ProtocolColumns single(String[] top) {
        Role[] roles = new Role[top.length];
        for (int c = 0; c < top.length; c++) {
            roles[c] = Role.of(top[c]);
        }
        return new ProtocolColumns(top.clone(), roles, 1);
    }

    private static ProtocolColumns two(String[] top, String[] sub) {
        int n = Math.max(top.length, sub.length);
        String[] names = new String[n];
        Role[] roles = new Role[n];
        String group = "";
        for (int c = 0; c < n; c++) {
            String t = cell(top, c).trim();
            String s = cell(sub, c).trim();
            group = !t.isEmpty() ? t : s.isEmpty() ? "" : group;
            if (s.isEmpty()) {
                names[c] = t;
                roles[c] = Role.of(t);
                continue;
            }
            names[c] = (group + " " + s).trim();
            Role own = Role.of(s);
            roles[c] = own == Role.UNKNOWN ? Role.of(names[c]) : own;
        }
        return new ProtocolColumns(names, roles, 2);
    }

    /**
     * A participant (name, or a code with a status) and a total, a status or a result. Task columns alone do not
     * make a header: a data row «4 | … | 2 | 2 | участник» would look like one.
     */
    boolean isTable() {
        for (Role r : roles) {
            if (r == Role.RCOI) {
                return false;
            }
        }
        boolean identity = has(Role.FULL_NAME) || has(Role.SURNAME) || has(Role.CODE) && has(Role.STATUS);
        return identity && (has(Role.TOTAL) || has(Role.STATUS) || has(Role.RESULT) || has(Role.PASS_FAIL));
    }

    /** The column that names the participant. */
    int identity() {
        int i = of(Role.FULL_NAME);
        i = i >= 0 ? i : of(Role.SURNAME);
        return i >= 0 ? i : of(Role.CODE);
    }

    boolean has(Role role) {
        return of(role) >= 0;
    }

    int of(Role role) {
        for (int c = 0; c < roles.length; c++) {
            if (roles[c] == role) {
                return c;
            }
        }
        return -1;
    }

    int[] all(Role role) {
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < roles.length; c++) {
            if (roles[c] == role) {
                out.add(c);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    String name(int column) {
        return column >= 0 && column < names.length ? names[column].replaceAll("\\s+", " ").trim() : null;
    }

    /** Headers that are not read (shown as a warning), except personal data, which is skipped without a word. */
    List<String> ignored() {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < roles.length; c++) {
            if (roles[c] == Role.UNKNOWN && !names[c].isBlank()) {
                out.add(name(c));
            }
        }
        return out;
    }

    static String cell(String[] cells, int c) {
        return c >= 0 && c < cells.length ? cells[c] : "";
    }

    /** Some filled cell of the second row lies under a blank top cell right of a filled one: a merged group. */
    private static boolean continuesGroup(String[] top, String[] next) {
        boolean seenTop = false;
        for (int c = 0; c < next.length; c++) {
            seenTop |= !cell(top, c).isBlank();
            if (seenTop && cell(top, c).isBlank() && !next[c].isBlank()) {
                return true;
            }
        }
        return false;
    }
}
