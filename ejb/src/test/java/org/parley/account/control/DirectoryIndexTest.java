package org.parley.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.account.entity.DirectoryEntry;
import org.parley.account.entity.DirectoryOrder;
import org.parley.account.entity.DirectoryPage;
import org.parley.account.entity.Role;

class DirectoryIndexTest {

    private static final int MEMBERS = 50_000;
    private static final String[] DEPARTMENTS = {"Engineering", "Finance", "Human Resources", "Legal", "Research & Development"};

    /** 50,000 members, every tenth not sharing on the web and every hundredth disabled. */
    private static DirectoryIndex index;

    @BeforeAll
    static void fiftyThousandMembers() {
        List<DirectoryEntry> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            members.add(member(String.format("m%05d", i), "Member " + String.format("%05d", i),
                    i % 7 == 0 ? null : "Engineer " + (i % 3), DEPARTMENTS[i % DEPARTMENTS.length],
                    i % 10 != 5, i % 100 != 1));
        }
        members.add(member("jose", "José Müller", "Señor Analyst", "Finance", true, true));
        members.add(member("pct", "Percent 100% Under_score", "O'Brien \"quoted\"", null, true, true));
        index = DirectoryIndex.of(members);
    }

    private static DirectoryEntry member(String username, String name, String title, String department,
                                         boolean sharing, boolean enabled) {
        return new DirectoryEntry(username, String.format("%016X", username.hashCode() & 0xffffffffL), name, title,
                department, null, sharing, true, false, enabled, Role.MEMBER, 0);
    }

    /** Every tenth (i % 10 == 5) does not share; every hundredth (i % 100 == 1) is disabled; the two extra members share. */
    private static final int VISIBLE = MEMBERS - MEMBERS / 10 - MEMBERS / 100 + 2;

    @Test
    void onlyMembersVisibleOnTheWebAreListed() {
        assertEquals(VISIBLE, index.size());
        DirectoryPage all = index.search("", DirectoryOrder.NAME, false, 0, 25);
        assertEquals(VISIBLE, all.total());
        assertEquals(25, all.entries().size());
        assertTrue(all.entries().stream().allMatch(DirectoryEntry::visibleOnTheWeb));
        assertEquals(0, index.search("m00005", DirectoryOrder.NAME, false, 0, 25).total(), "a member who does not share");
        assertEquals(0, index.search("m00001", DirectoryOrder.NAME, false, 0, 25).total(), "a disabled member");
    }

    @Test
    void pagesCoverEveryMatchOnceInOrder() {
        String query = "research";
        int expected = (int) java.util.stream.IntStream.range(0, MEMBERS)
                .filter(i -> i % 5 == 4 && i % 10 != 5 && i % 100 != 1).count();
        Set<String> seen = new HashSet<>();
        String previous = "";
        int pages = 0;
        for (int first = 0; ; first += 200) {
            DirectoryPage page = index.search(query, DirectoryOrder.NAME, false, first, 200);
            assertEquals(expected, page.total());
            if (page.entries().isEmpty()) {
                break;
            }
            pages++;
            for (DirectoryEntry entry : page.entries()) {
                assertEquals("Research & Development", entry.department());
                assertTrue(entry.displayName().compareTo(previous) > 0, entry.displayName() + " after " + previous);
                previous = entry.displayName();
                assertTrue(seen.add(entry.username()), "listed once: " + entry.username());
            }
        }
        assertEquals(expected, seen.size());
        assertEquals((expected + 199) / 200, pages);
    }

    @Test
    void everyWordMustMatchSomeField() {
        DirectoryPage page = index.search("engineer finance 1234", DirectoryOrder.NAME, false, 0, 50);
        assertTrue(page.total() > 0);
        for (DirectoryEntry entry : page.entries()) {
            assertTrue(entry.title().startsWith("Engineer "), entry.title());
            assertEquals("Finance", entry.department());
            assertTrue(entry.displayName().contains("1234"), entry.displayName());
        }
        assertEquals(1, index.search("M49999", DirectoryOrder.NAME, false, 0, 10).total(), "by username, any case");
    }

    @Test
    void caseAndAccentsDoNotMatter() {
        for (String query : List.of("jose muller", "JOSÉ MÜLLER", "senor analyst", "Müller finance")) {
            DirectoryPage page = index.search(query, DirectoryOrder.NAME, false, 0, 10);
            assertEquals(List.of("jose"), page.entries().stream().map(DirectoryEntry::username).toList(), query);
        }
    }

    @Test
    void wildcardsAndQuotesAreJustCharacters() {
        assertEquals(List.of("pct"), usernames(index.search("100%", DirectoryOrder.NAME, false, 0, 10)));
        assertEquals(List.of("pct"), usernames(index.search("under_score", DirectoryOrder.NAME, false, 0, 10)));
        assertEquals(List.of("pct"), usernames(index.search("o'brien \"quoted\"", DirectoryOrder.NAME, false, 0, 10)));
        assertEquals(0, index.search("%", DirectoryOrder.NAME, false, 0, 10).total() - 1, "only the member with a %");
        assertEquals(0, index.search("_ %", DirectoryOrder.NAME, false, 0, 10).total() - 1);
        assertEquals(0, index.search("' OR 1=1 --", DirectoryOrder.NAME, false, 0, 10).total());
    }

    @Test
    void aHugeOrHostileQueryIsAnswered() {
        String huge = "a".repeat(10_000);
        assertEquals(0, index.search(huge, DirectoryOrder.NAME, false, 0, 10).total());
        String manyWords = "e ".repeat(5_000);
        assertEquals(index.search("e", DirectoryOrder.NAME, false, 0, 10).total(),
                index.search(manyWords, DirectoryOrder.NAME, false, 0, 10).total(), "repeated words count once");
        assertEquals(VISIBLE, index.search(" \t\u0000\u202e ", DirectoryOrder.NAME, false, 0, 10).total() , "blank after control characters");
        assertEquals(0, index.search("\ud800", DirectoryOrder.NAME, false, 0, 10).total(), "an unpaired surrogate matches nobody");
        assertEquals(VISIBLE, index.search(null, DirectoryOrder.NAME, false, 0, 10).total());
    }

    @Test
    void pagesBeyondTheEndOrOddBoundsAreEmpty() {
        assertTrue(index.search("", DirectoryOrder.NAME, false, MEMBERS * 2, 25).entries().isEmpty());
        assertEquals(VISIBLE, index.search("", DirectoryOrder.NAME, false, Integer.MAX_VALUE - 1, 200).total());
        assertTrue(index.search("", DirectoryOrder.NAME, false, 0, 0).entries().isEmpty());
        assertEquals(10, index.search("", DirectoryOrder.NAME, false, -5, 10).entries().size(), "a negative start is the first");
    }

    @Test
    void sortedByTitleOrDepartmentBothWaysWithTheMissingLast() {
        DirectoryPage last = index.search("", DirectoryOrder.TITLE, false, VISIBLE - 5, 5);
        assertTrue(last.entries().stream().allMatch(e -> e.title() == null), "no title comes last");
        DirectoryPage lastDescending = index.search("", DirectoryOrder.TITLE, true, VISIBLE - 5, 5);
        assertTrue(lastDescending.entries().stream().allMatch(e -> e.title() == null), "also when descending");
        assertEquals("Señor Analyst", index.search("", DirectoryOrder.TITLE, true, 0, 1).entries().get(0).title());
        assertTrue(index.search("", DirectoryOrder.TITLE, false, 0, 1).entries().get(0).title().startsWith("Engineer 0"));

        List<DirectoryEntry> departments = index.search("", DirectoryOrder.DEPARTMENT, true, 0, 3).entries();
        assertTrue(departments.stream().allMatch(e -> e.department().equals("Research & Development")), departments.toString());
        assertEquals("pct", index.search("", DirectoryOrder.DEPARTMENT, true, VISIBLE - 1, 1).entries().get(0).username());
    }

    @Test
    void onlyChangesToWhatIsShownRebuildTheIndex() {
        DirectoryEntry ada = member("ada", "Ada Lovelace", "Analyst", "Research", true, true);
        DirectoryEntry hidden = member("ada", "Ada Lovelace", "Analyst", "Research", false, true);
        DirectoryEntry message = new DirectoryEntry("ada", ada.cid(), "Ada Lovelace", "Analyst", "Research", "Away today",
                true, true, false, true, Role.MEMBER, 3);
        assertTrue(DirectoryIndex.affects(null, ada), "a new member who shares");
        assertFalse(DirectoryIndex.affects(null, hidden), "a new member who does not");
        assertTrue(DirectoryIndex.affects(ada, hidden), "stops sharing");
        assertTrue(DirectoryIndex.affects(hidden, ada), "starts sharing");
        assertFalse(DirectoryIndex.affects(ada, message), "a personal message or a new password");
        assertTrue(DirectoryIndex.affects(ada, member("ada", "Ada King", "Analyst", "Research", true, true)), "a new name");
        assertFalse(DirectoryIndex.affects(hidden, member("ada", "Ada King", "Analyst", "Research", false, true)),
                "a new name of someone not listed");
    }

    private static List<String> usernames(DirectoryPage page) {
        return page.entries().stream().map(DirectoryEntry::username).toList();
    }
}
