package org.parley.account.entity;

import java.io.Serializable;
import java.util.List;

/**
 * A CSV file of new members as an admin uploaded it, row by row, with what is wrong with each row.
 * It may be imported only when no row has a problem ({@link #importable()}): a file is imported
 * whole or not at all.
 *
 * @param rows the data rows (the header is not one), in the file's order
 * @param fileProblems what is wrong with the file as a whole (no data rows, too many, a bad header)
 */
public record MemberImport(List<Row> rows, List<Problem> fileProblems) implements Serializable {

    /** The columns, in the order the file must have them. */
    public enum Column {
        USERNAME, DISPLAY_NAME, TITLE, DEPARTMENT, EMAIL
    }

    /** What can be wrong with a row, or with the file. */
    public enum Kind {
        /** The row's bytes are not UTF-8. */
        ENCODING,
        /** The row has another number of columns than five; the argument is how many it has. */
        COLUMN_COUNT,
        /** A required field is empty. */
        MISSING,
        /** A field is longer than its column allows; the argument is the limit. */
        TOO_LONG,
        /** The username breaks the username rule. */
        BAD_USERNAME,
        /** The e-mail address is not one. */
        BAD_EMAIL,
        /** A field holds a control character (a tab, a NUL, …). */
        CONTROL_CHARACTER,
        /**
         * A quoted field runs over a line break (a closing quote missing, or one too many), so the row swallowed the
         * lines after it; the argument is the line the row ends on (the file's last when the quote never closes).
         */
        QUOTE_ACROSS_LINES,
        /** An earlier row of the file has the same username; the argument is that row's number. */
        DUPLICATE_IN_FILE,
        /** A member with this username exists already. */
        DUPLICATE_IN_DATABASE,
        /** The header row does not name the five columns in order. */
        HEADER,
        /** The file has no data rows. */
        NO_ROWS,
        /** The file has more data rows than one import takes; the argument is the limit. */
        TOO_MANY_ROWS,
        /** The whole file is UTF-16 (a byte order mark of it, or a NUL byte in every other place), not UTF-8. */
        UTF16
    }

    /** One thing wrong: its kind, the column it concerns (or null) and a number that goes with it (or null). */
    public record Problem(Kind kind, Column column, String argument) implements Serializable {
        public static Problem of(Kind kind) {
            return new Problem(kind, null, null);
        }
    }

    /**
     * One data row.
     *
     * @param line     the file's line where the row starts (the header is line 1)
     * @param fields   the fields as read, stripped; empty where the row had fewer
     * @param problems what is wrong with it; empty when it can be imported
     */
    public record Row(int line, List<String> fields, List<Problem> problems) implements Serializable {

        public String field(Column column) {
            return column.ordinal() < fields.size() ? fields.get(column.ordinal()) : "";
        }

        public String username() {
            return field(Column.USERNAME);
        }

        public boolean good() {
            return problems.isEmpty();
        }
    }

    public MemberImport {
        rows = List.copyOf(rows);
        fileProblems = List.copyOf(fileProblems);
    }

    /** Whether every row (and the file) is good, so that the file can be imported. */
    public boolean importable() {
        return fileProblems.isEmpty() && rows.stream().allMatch(Row::good);
    }

    public long badRows() {
        return rows.stream().filter(row -> !row.good()).count();
    }
}
