package org.parley.web.view;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PagingParametersTest {

    @Test
    void aPageIsOfferedWhenItsFirstRowIsANumberAndItsRowsAreAChoiceOfTheTable() {
        assertTrue(PagingParameters.offered("0", "25", "10,25,50,100", 25));
        assertTrue(PagingParameters.offered("50", "100", "10, 25,50,100", 25), "spaces in the template");
        assertTrue(PagingParameters.offered("10", null, "10,25", 10), "no rows: the table's own");
        assertTrue(PagingParameters.offered("0", "25", null, 25), "no template: the table's rows");
        assertTrue(PagingParameters.offered("0", "*", "10,{ShowAll|'All'}", 10));
        for (String first : new String[] {null, "", "-10", "abc", "1e3", " 1", "99999999999"}) {
            assertFalse(PagingParameters.offered(first, "25", "10,25", 25), "first " + first);
        }
        for (String rows : List.of("-5", "0", "7", "1000", "99999999999", "abc", "", " 25", "*", "025")) {
            assertFalse(PagingParameters.offered("0", rows, "10,25,50,100", 25), "rows " + rows);
        }
        assertFalse(PagingParameters.offered("0", "50", null, 25), "without a template only the table's rows");
        assertFalse(PagingParameters.offered("0", "0", null, 0));
    }
}
