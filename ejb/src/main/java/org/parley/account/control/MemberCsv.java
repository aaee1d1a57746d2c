package org.parley.account.control;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.parley.account.entity.Member;
import org.parley.account.entity.MemberImport;
import org.parley.account.entity.MemberImport.Column;
import org.parley.account.entity.MemberImport.Kind;
import org.parley.account.entity.MemberImport.Problem;
import org.parley.account.entity.MemberImport.Row;
import org.parley.account.entity.PlainText;

/**
 * Reads a CSV file of new members (RFC 4180: comma-separated, fields in double quotes where they
 * hold commas or quotes; a line break in a field is named as a quote missing; UTF-8, with or without a byte-order mark; a header row
 * naming username, display name, title, department, email) and says what is wrong with each row.
 * Username and display name are required; title, department and e-mail may be empty. Usernames
 * are compared as the sign-in compares them, in lower case.
 */
public final class MemberCsv {

    /** The most data rows one import takes: each new member costs a password hash (a fraction of a second). */
    public static final int MAX_ROWS = 500;
    /** The largest file accepted, in bytes. */
    public static final int MAX_BYTES = 1024 * 1024;

    private static final List<String> HEADER = List.of("username", "displayname", "title", "department", "email");

    private MemberCsv() {
    }

    /**
     * Reads {@code file}; {@code existingAmong} answers which of the given usernames are taken already
     * (the database's answer, asked once for the whole file).
     */
    public static MemberImport read(byte[] file, Function<Collection<String>, Set<String>> existingAmong) {
        if (isUtf16(file)) {
            // each line read as UTF-8 would be a wrong header and rows of control characters: say what is wrong instead
            return new MemberImport(List.of(), List.of(Problem.of(Kind.UTF16)));
        }
        int start = file.length >= 3 && (file[0] & 0xFF) == 0xEF && (file[1] & 0xFF) == 0xBB && (file[2] & 0xFF) == 0xBF ? 3 : 0;
        Set<Integer> badLines = linesNotUtf8(file, start);
        String text = new String(file, start, file.length - start, StandardCharsets.UTF_8);
        List<Record> records = parse(text);
        List<Problem> fileProblems = new ArrayList<>();
        if (records.isEmpty()) {
            fileProblems.add(Problem.of(Kind.NO_ROWS));
            return new MemberImport(List.of(), fileProblems);
        }
        Record header = records.get(0);
        List<String> names = header.fields().stream().map(f -> f.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "")).toList();
        if (!names.equals(HEADER) || touches(header, badLines)) {
            fileProblems.add(Problem.of(Kind.HEADER));
        }
        List<Record> data = records.subList(1, records.size());
        if (data.isEmpty()) {
            fileProblems.add(Problem.of(Kind.NO_ROWS));
        }
        if (data.size() > MAX_ROWS) {
            fileProblems.add(new Problem(Kind.TOO_MANY_ROWS, null, String.valueOf(MAX_ROWS)));
        }
        Set<String> taken = existingAmong.apply(data.stream()
                .filter(r -> r.fields().size() == Column.values().length)
                .map(r -> normalize(r.fields().get(Column.USERNAME.ordinal())))
                .filter(name -> !name.isEmpty() && name.length() <= Member.USERNAME_MAX).distinct().toList());
        Map<String, Integer> firstLine = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (Record record : data) {
            List<Problem> problems = new ArrayList<>();
            if (touches(record, badLines)) {
                problems.add(Problem.of(Kind.ENCODING));
            }
            List<String> fields = record.fields().stream().map(String::strip).toList();
            if (record.lastLine() > record.line()) {
                // no column holds a line break: a quote is missing or one too many, and what else is wrong with the
                // row follows from it, so it is named alone (found by attacking from outside: an open quote swallowed
                // the next line and was told as a control character or a column count)
                problems.add(new Problem(Kind.QUOTE_ACROSS_LINES, null, String.valueOf(record.lastLine())));
            } else if (fields.size() != Column.values().length) {
                problems.add(new Problem(Kind.COLUMN_COUNT, null, String.valueOf(fields.size())));
            } else {
                checkFields(fields, problems);
                String name = normalize(fields.get(Column.USERNAME.ordinal()));
                if (problems.stream().noneMatch(p -> p.column() == Column.USERNAME) && !name.isEmpty()) {
                    Integer earlier = firstLine.putIfAbsent(name, record.line());
                    if (earlier != null) {
                        problems.add(new Problem(Kind.DUPLICATE_IN_FILE, Column.USERNAME, String.valueOf(earlier)));
                    } else if (taken.contains(name)) {
                        problems.add(new Problem(Kind.DUPLICATE_IN_DATABASE, Column.USERNAME, null));
                    }
                }
                fields = new ArrayList<>(fields);
                fields.set(Column.USERNAME.ordinal(), name);
                // the check shows what the import stores: a bidi override in a name is dropped there, so not shown here
                // either (found by attacking from outside: the check showed the name reversed, the import then not)
                for (Column shown : List.of(Column.DISPLAY_NAME, Column.TITLE, Column.DEPARTMENT)) {
                    fields.set(shown.ordinal(), PlainText.line(fields.get(shown.ordinal())));
                }
            }
            rows.add(new Row(record.line(), fields, problems));
        }
        return new MemberImport(rows, fileProblems);
    }

    private static void checkFields(List<String> fields, List<Problem> problems) {
        for (Column column : Column.values()) {
            String value = fields.get(column.ordinal());
            if (value.codePoints().anyMatch(Character::isISOControl)) {
                problems.add(new Problem(Kind.CONTROL_CHARACTER, column, null));
                continue;
            }
            int max = column == Column.USERNAME ? Member.USERNAME_MAX : column == Column.EMAIL ? Member.EMAIL_MAX : Member.NAME_MAX;
            boolean required = column == Column.USERNAME || column == Column.DISPLAY_NAME;
            if (value.isEmpty() || column == Column.DISPLAY_NAME && !PlainText.shows(PlainText.line(value))) {
                // a display name of only zero-width or blank characters is none, as the admin console and the import
                // itself refuse it (the check passed it, and the import then refused the whole file without a line)
                if (required) {
                    problems.add(new Problem(Kind.MISSING, column, null));
                }
            } else if (value.length() > max) {
                problems.add(new Problem(Kind.TOO_LONG, column, String.valueOf(max)));
            } else if (column == Column.USERNAME && !normalize(value).matches(Member.USERNAME_PATTERN)) {
                problems.add(new Problem(Kind.BAD_USERNAME, column, null));
            } else if (column == Column.EMAIL && !Member.isEmail(value)) {
                problems.add(new Problem(Kind.BAD_EMAIL, column, null));
            }
        }
    }

    private static String normalize(String username) {
        return Enrolment.normalizeUsername(username);
    }

    private static boolean touches(Record record, Set<Integer> badLines) {
        for (int line = record.line(); line <= record.lastLine(); line++) {
            if (badLines.contains(line)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the file is UTF-16 (what some spreadsheets save as "Unicode text"): its byte order mark, or, without one,
     * text whose every other byte is NUL over its first 64 bytes (ASCII in UTF-16, as the header is), which no CSV of
     * UTF-8 text has. A file of another kind with NUL bytes here and there (an image) is not taken for UTF-16: it was
     * named so, found by attacking from outside.
     */
    static boolean isUtf16(byte[] file) {
        if (file.length >= 2 && ((file[0] & 0xFF) == 0xFF && (file[1] & 0xFF) == 0xFE
                || (file[0] & 0xFF) == 0xFE && (file[1] & 0xFF) == 0xFF)) {
            return true;
        }
        int looked = Math.min(file.length, 64) & ~1;
        if (looked < 4) {
            return false;
        }
        int littleEndian = 0;
        int bigEndian = 0;
        for (int i = 0; i < looked; i += 2) {
            littleEndian += file[i] != 0 && file[i + 1] == 0 ? 1 : 0;
            bigEndian += file[i] == 0 && file[i + 1] != 0 ? 1 : 0;
        }
        return Math.max(littleEndian, bigEndian) * 2 == looked;
    }

    /** The numbers of the lines (1 = the first) whose bytes are not UTF-8. */
    private static Set<Integer> linesNotUtf8(byte[] file, int start) {
        Set<Integer> bad = new HashSet<>();
        int line = 1;
        int from = start;
        for (int i = start; i <= file.length; i++) {
            if (i == file.length || file[i] == '\n') {
                try {
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file, from, i - from));
                } catch (CharacterCodingException e) {
                    bad.add(line);
                }
                line++;
                from = i + 1;
            }
        }
        return bad;
    }

    /** A record of the file: the line it starts on, the line it ends on, its fields as written. */
    private record Record(int line, int lastLine, List<String> fields) {
    }

    /** RFC 4180, forgiving: a quote inside an unquoted field is kept, an unclosed quote runs to the end. Blank lines are skipped. */
    private static List<Record> parse(String text) {
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                addUnlessBlank(records, new Record(recordLine, line, fields));
                fields = new ArrayList<>();
                field.setLength(0);
                fieldStarted = false;
                line++;
                recordLine = line;
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (fieldStarted || !fields.isEmpty() || field.length() > 0) {
            fields.add(field.toString());
            // a quote never closed took the file's last line break too: the row ends on the line before it
            addUnlessBlank(records, new Record(recordLine, quoted && text.endsWith("\n") ? line - 1 : line, fields));
        }
        return records;
    }

    private static void addUnlessBlank(List<Record> records, Record record) {
        if (record.fields().size() > 1 || !record.fields().get(0).isBlank()) {
            records.add(record);
        }
    }
}
