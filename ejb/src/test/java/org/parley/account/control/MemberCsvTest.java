package org.parley.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.account.entity.MemberImport;
import org.parley.account.entity.MemberImport.Column;
import org.parley.account.entity.MemberImport.Kind;
import org.parley.account.entity.MemberImport.Problem;

class MemberCsvTest {

    private static final String HEADER = "username,display name,title,department,email\n";

    private static MemberImport read(String text, String... taken) {
        return MemberCsv.read(text.getBytes(StandardCharsets.UTF_8), among(taken));
    }

    private static java.util.function.Function<Collection<String>, Set<String>> among(String... taken) {
        return names -> {
            Set<String> found = new HashSet<>(names);
            found.retainAll(Set.of(taken));
            return found;
        };
    }

    private static List<Kind> kinds(MemberImport.Row row) {
        return row.problems().stream().map(Problem::kind).toList();
    }

    @Test
    void aGoodFileIsImportableWithItsFieldsStrippedAndUsernamesInLowerCase() {
        MemberImport read = read("\uFEFF" + HEADER + " Ada ,Ada Lovelace,Analyst,Engines,ada@example.org\r\n"
                + "\"grace\",\"Hopper, Grace\",,\"Navy \"\"Research\"\"\",\n\n");
        assertTrue(read.importable(), read.toString());
        assertEquals(2, read.rows().size());
        assertEquals("ada", read.rows().get(0).username());
        assertEquals(2, read.rows().get(0).line());
        assertEquals("Hopper, Grace", read.rows().get(1).field(Column.DISPLAY_NAME));
        assertEquals("Navy \"Research\"", read.rows().get(1).field(Column.DEPARTMENT));
        assertEquals("", read.rows().get(1).field(Column.EMAIL));
        assertEquals(3, read.rows().get(1).line());
    }

    @Test
    void eachBadRowSaysWhatIsWrongAndTheFileIsNotImportable() {
        MemberImport read = read(HEADER
                + "ada,Ada Lovelace,,,ada@example.org\n"
                + ",No Username,,,\n"
                + "bob,,,,\n"
                + "carol,Carol,,,not-an-address\n"
                + "ada,Ada Again,,,\n"
                + "taken,Taken,,,\n"
                + "too,many,columns,in,this,row\n"
                + "x".repeat(65) + ",Long,,,\n"
                + "<script>,Bad,,,\n"
                + "dan,Dan,\"" + "t".repeat(101) + "\",,\n"
                + "eve,\"Eve\u0000\",,,\n", "taken");
        assertFalse(read.importable());
        List<MemberImport.Row> rows = read.rows();
        assertEquals(List.of(), kinds(rows.get(0)));
        assertEquals(List.of(new Problem(Kind.MISSING, Column.USERNAME, null)), rows.get(1).problems());
        assertEquals(List.of(new Problem(Kind.MISSING, Column.DISPLAY_NAME, null)), rows.get(2).problems());
        assertEquals(List.of(new Problem(Kind.BAD_EMAIL, Column.EMAIL, null)), rows.get(3).problems());
        assertEquals(List.of(new Problem(Kind.DUPLICATE_IN_FILE, Column.USERNAME, "2")), rows.get(4).problems());
        assertEquals(List.of(new Problem(Kind.DUPLICATE_IN_DATABASE, Column.USERNAME, null)), rows.get(5).problems());
        assertEquals(List.of(new Problem(Kind.COLUMN_COUNT, null, "6")), rows.get(6).problems());
        assertEquals(List.of(new Problem(Kind.TOO_LONG, Column.USERNAME, "64")), rows.get(7).problems());
        assertEquals(List.of(Kind.BAD_USERNAME), kinds(rows.get(8)));
        assertEquals(List.of(new Problem(Kind.TOO_LONG, Column.TITLE, "100")), rows.get(9).problems());
        assertEquals(List.of(new Problem(Kind.CONTROL_CHARACTER, Column.DISPLAY_NAME, null)), rows.get(10).problems());
        assertEquals(10, read.badRows());
    }

    @Test
    void aRowThatIsNotUtf8IsNamedByItsLine() {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(HEADER.getBytes(StandardCharsets.UTF_8));
        file.writeBytes("ada,Ada,,,\n".getBytes(StandardCharsets.UTF_8));
        file.writeBytes("jurgen,J".getBytes(StandardCharsets.UTF_8));
        file.write(0xFC); // ü in ISO-8859-1
        file.writeBytes("rgen,,,\n".getBytes(StandardCharsets.UTF_8));
        MemberImport read = MemberCsv.read(file.toByteArray(), among());
        assertEquals(List.of(), kinds(read.rows().get(0)));
        assertEquals(3, read.rows().get(1).line());
        assertEquals(List.of(Kind.ENCODING), kinds(read.rows().get(1)));
        assertFalse(read.importable());
    }

    @Test
    void aQuotedLineBreakIsNamedAsAQuoteAndKeepsTheLineNumbersOfTheFile() {
        MemberImport read = read(HEADER + "ada,\"Ada\nLovelace\",,,\nbob,Bob,,,\n");
        assertEquals(List.of(new Problem(Kind.QUOTE_ACROSS_LINES, null, "3")), read.rows().get(0).problems());
        assertEquals(2, read.rows().get(0).line());
        assertEquals(4, read.rows().get(1).line());
        assertEquals(List.of(), kinds(read.rows().get(1)));
    }

    @Test
    void theCheckShowsNamesAsTheImportStoresThemWithoutBidiOverrides() {
        MemberImport read = read(HEADER + "ada,\u202Eecalevol adA,\u202DAnalyst,Engines\u2066,\n");
        assertEquals(List.of(), kinds(read.rows().get(0)));
        assertEquals(List.of("ada", "ecalevol adA", "Analyst", "Engines", ""), read.rows().get(0).fields());
    }

    @Test
    void aQuoteNeverClosedIsNamedOnTheLineItOpensAndSaysWhereTheRowEnds() {
        MemberImport read = read(HEADER + "ada,Ada,,,\nbob,\"Bob,,,\ncarol,Carol,,,\ndan,Dan,,,\n");
        assertEquals(List.of(), kinds(read.rows().get(0)));
        assertEquals(3, read.rows().get(1).line());
        assertEquals(List.of(new Problem(Kind.QUOTE_ACROSS_LINES, null, "5")), read.rows().get(1).problems(),
                "not a column count nor a control character: the quote is what is wrong");
        assertEquals(2, read.rows().size(), "the rest of the file is that row");
        assertFalse(read.importable());
    }

    @Test
    void aFileWithoutRowsOrWithTheWrongHeaderOrTooManyRowsIsRefusedAsAWhole() {
        assertEquals(List.of(Problem.of(Kind.NO_ROWS)), read("").fileProblems());
        assertEquals(List.of(Problem.of(Kind.NO_ROWS)), read(HEADER).fileProblems());
        assertEquals(List.of(Problem.of(Kind.HEADER)), read("name,username,title,department,email\nada,Ada,,,\n").fileProblems());
        StringBuilder many = new StringBuilder(HEADER);
        for (int i = 0; i <= MemberCsv.MAX_ROWS; i++) {
            many.append("m").append(i).append(",Member ").append(i).append(",,,\n");
        }
        MemberImport tooMany = read(many.toString());
        assertEquals(List.of(new Problem(Kind.TOO_MANY_ROWS, null, String.valueOf(MemberCsv.MAX_ROWS))), tooMany.fileProblems());
        assertFalse(tooMany.importable());
    }

    @Test
    void aFileInUtf16IsRefusedAsOneSayingSoWithOrWithoutItsByteOrderMark() {
        String good = HEADER + "ada,Ada Lovelace,,,\n";
        for (byte[] file : List.of(withBom(new byte[] {(byte) 0xFF, (byte) 0xFE}, good.getBytes(StandardCharsets.UTF_16LE)),
                withBom(new byte[] {(byte) 0xFE, (byte) 0xFF}, good.getBytes(StandardCharsets.UTF_16BE)),
                good.getBytes(StandardCharsets.UTF_16LE))) {
            MemberImport utf16 = MemberCsv.read(file, among());
            assertEquals(List.of(Problem.of(Kind.UTF16)), utf16.fileProblems());
            assertEquals(List.of(), utf16.rows(), "no row is read as something it is not");
            assertFalse(utf16.importable());
        }
        assertTrue(read(good).importable(), "the same file in UTF-8 is good");
        // an image has NUL bytes too, but not every other one: it is no UTF-16 text, just a file without the header
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 0, 0, 0, 0x10,
                0, 0, 0, 0x10, 0x08, 0x06, 0, 0, 0, 0x1F, (byte) 0xF3, (byte) 0xFF, 0x61, 0, 0, 0, 0, 0, 0, 0};
        assertFalse(MemberCsv.read(png, among()).fileProblems().contains(Problem.of(Kind.UTF16)),
                MemberCsv.read(png, among()).fileProblems().toString());
    }

    @Test
    void aDisplayNameOfOnlyInvisibleCharactersIsMissingAsTheImportWouldFindIt() {
        MemberImport invisible = read(HEADER + "hxo,\u200b\u200b,,,\nada,Ada,,,\n");
        assertEquals(List.of(new Problem(Kind.MISSING, Column.DISPLAY_NAME, null)), invisible.rows().get(0).problems());
        assertEquals(List.of(), invisible.rows().get(1).problems());
        assertFalse(invisible.importable(), "the check says what the import would refuse");
    }

    private static byte[] withBom(byte[] bom, byte[] text) {
        byte[] file = java.util.Arrays.copyOf(bom, bom.length + text.length);
        System.arraycopy(text, 0, file, bom.length, text.length);
        return file;
    }
}
