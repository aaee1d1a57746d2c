package org.parley.web.view.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvFileTest {

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasAreNeutralised() {
        assertEquals("'=SUM(A1:A9)", CsvFile.cell("=SUM(A1:A9)"));
        assertEquals("'+1", CsvFile.cell("+1"));
        assertEquals("'-2+3", CsvFile.cell("-2+3"));
        assertEquals("'@cmd", CsvFile.cell("@cmd"));
        assertEquals("'\tx", CsvFile.cell("\tx"));
        assertEquals("\"'\rx\"", CsvFile.cell("\rx"));
        assertEquals("a=b", CsvFile.cell("a=b"), "only a leading character matters");
        assertEquals("", CsvFile.cell(null));
    }

    @Test
    void commasQuotesAndLineBreaksAreQuoted() {
        assertEquals("\"a,b\"", CsvFile.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvFile.cell("say \"hi\""));
        assertEquals("\"two\nlines\"", CsvFile.cell("two\nlines"));
        assertEquals("\"'=1,2\"", CsvFile.cell("=1,2"));
        // a spreadsheet whose list separator is the semicolon splits an unquoted line there: x then =cmd…
        assertEquals("\"hx;=cmd|' /C calc'!A0\"", CsvFile.cell("hx;=cmd|' /C calc'!A0"));
        assertEquals("\"'=a;b\"", CsvFile.cell("=a;b"));
    }

    @Test
    void aFileIsUtf8WithAByteOrderMarkAndCrLfRows() {
        byte[] bytes = new CsvFile().row(List.of("a", "Jürgen")).row(List.of("b", "")).bytes();
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bytes[0], bytes[1], bytes[2]));
        assertEquals("\uFEFFa,Jürgen\r\nb,\r\n", new String(bytes, StandardCharsets.UTF_8));
    }
}
