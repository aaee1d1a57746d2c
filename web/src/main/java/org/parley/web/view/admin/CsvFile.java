package org.parley.web.view.admin;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes CSV files that admins open in a spreadsheet (RFC 4180, UTF-8 with a byte-order mark so that
 * spreadsheets read it as UTF-8). A cell that a spreadsheet would run as a formula, one beginning
 * with {@code = + - @}, a tab or a carriage return, is neutralised with a leading apostrophe: audit
 * entries hold text anybody typed (a username at the sign-in page), and must not become formulas. A cell holding a
 * semicolon is quoted too: a spreadsheet set up for a language whose list separator is the semicolon (German Excel)
 * splits an unquoted line there, and the part after it began a cell of its own ({@code x;=cmd|…} ran as a formula;
 * found by attacking from outside). Served as {@code text/csv;charset=UTF-8} ({@code web.xml}'s mime mapping).
 */
final class CsvFile {

    private final StringBuilder text = new StringBuilder("\uFEFF");

    CsvFile row(List<String> cells) {
        text.append(cells.stream().map(CsvFile::cell).collect(Collectors.joining(","))).append("\r\n");
        return this;
    }

    byte[] bytes() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.indexOf(',') >= 0 || safe.indexOf(';') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
