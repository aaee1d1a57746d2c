package org.parley.account.control;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.parley.account.entity.DirectoryEntry;
import org.parley.account.entity.DirectoryOrder;
import org.parley.account.entity.DirectoryPage;

/**
 * The members intranet pages may see (see {@link DirectoryEntry#visibleOnTheWeb()}), searchable by
 * name, title, department and username, and kept sorted three ways, so that a directory page is one
 * pass over an array in memory: no database, no sorting per request. A search folds case and accents
 * ({@code müller} finds Müller) and matches members holding every word of the query somewhere in
 * those fields. Immutable: a change to the members makes a new index.
 */
public final class DirectoryIndex {

    /** The longest query looked at; the rest of a longer one is left out. */
    public static final int MAX_QUERY = 200;

    /** Accents, and format characters such as bidirectional overrides and zero-width joiners. */
    private static final Pattern MARKS = Pattern.compile("[\\p{M}\\p{Cf}]+");
    /** Separates the fields of a row's text; never part of a folded query word. */
    private static final char SEPARATOR = '\n';

    /** A member with the folded text searched and sorted on. */
    private record Row(DirectoryEntry entry, String text, String name, String title, String department) {
    }

    /** The rows in one order; those without the sort field (from {@code filled} on) last in both directions. */
    private record Sorted(Row[] rows, int filled) {
    }

    private final Sorted byName;
    private final Sorted byTitle;
    private final Sorted byDepartment;

    private DirectoryIndex(Row[] rows) {
        byName = sort(rows, Row::name);
        byTitle = sort(rows, Row::title);
        byDepartment = sort(rows, Row::department);
    }

    /** The index of these members: those visible on the web, the others left out. */
    public static DirectoryIndex of(Collection<DirectoryEntry> members) {
        return new DirectoryIndex(members.stream().filter(DirectoryEntry::visibleOnTheWeb).map(DirectoryIndex::row)
                .toArray(Row[]::new));
    }

    /**
     * Whether {@code next} replacing {@code previous} (null for a new member) changes what the index
     * holds: who is visible, and the name, title, department and CID it shows of them. A new personal
     * message or password does not.
     */
    public static boolean affects(DirectoryEntry previous, DirectoryEntry next) {
        if (previous == null || previous.visibleOnTheWeb() != next.visibleOnTheWeb()) {
            return previous != null || next.visibleOnTheWeb();
        }
        return next.visibleOnTheWeb() && !(previous.cid().equals(next.cid())
                && previous.displayName().equals(next.displayName())
                && Objects.equals(previous.title(), next.title())
                && Objects.equals(previous.department(), next.department()));
    }

    public int size() {
        return byName.rows().length;
    }

    /**
     * The members matching {@code query} (every word of it, in any field; blank matches everyone) in
     * this order, from {@code first} (0-based), at most {@code max} of them, with how many match in all.
     */
    public DirectoryPage search(String query, DirectoryOrder order, boolean descending, int first, int max) {
        String[] words = words(query);
        Sorted sorted = switch (order == null ? DirectoryOrder.NAME : order) {
            case NAME -> byName;
            case TITLE -> byTitle;
            case DEPARTMENT -> byDepartment;
        };
        int from = Math.max(0, first);
        int until = max <= 0 ? from : (int) Math.min((long) from + max, Integer.MAX_VALUE);
        List<DirectoryEntry> page = new ArrayList<>(Math.min(Math.max(max, 0), 200));
        int matches = 0;
        Row[] rows = sorted.rows();
        for (int i = 0; i < rows.length; i++) {
            // descending: the filled part backwards, then those without the field
            int at = !descending ? i : i < sorted.filled() ? sorted.filled() - 1 - i : i;
            Row row = rows[at];
            if (matches(row, words)) {
                if (matches >= from && matches < until) {
                    page.add(row.entry());
                }
                matches++;
            }
        }
        return new DirectoryPage(page, matches);
    }

    private static boolean matches(Row row, String[] words) {
        for (String word : words) {
            if (!row.text().contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** The distinct folded words of a query, at most {@link #MAX_QUERY} characters of it. */
    static String[] words(String query) {
        if (query == null) {
            return new String[0];
        }
        String text = query.length() > MAX_QUERY ? query.substring(0, MAX_QUERY) : query;
        Set<String> words = new LinkedHashSet<>();
        for (String word : fold(text).split("[\\s\\p{Cntrl}]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words.toArray(String[]::new);
    }

    /** Lower case without accents and format characters; only text outside ASCII is decomposed. */
    static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String plain = text;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7f) {
                plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
                break;
            }
        }
        return plain.toLowerCase(Locale.ROOT);
    }

    private static Row row(DirectoryEntry member) {
        String name = fold(member.displayName());
        String title = fold(member.title()).strip();
        String department = fold(member.department()).strip();
        String text = name + SEPARATOR + title + SEPARATOR + department + SEPARATOR + member.username();
        return new Row(member, text, name, title, department);
    }

    private static Sorted sort(Row[] rows, Function<Row, String> field) {
        Row[] sorted = rows.clone();
        Comparator<Row> byField = Comparator.comparing((Row r) -> field.apply(r).isEmpty())
                .thenComparing(field).thenComparing(Row::name).thenComparing(r -> r.entry().username());
        Arrays.sort(sorted, byField);
        int filled = 0;
        while (filled < sorted.length && !field.apply(sorted[filled]).isEmpty()) {
            filled++;
        }
        return new Sorted(sorted, filled);
    }
}
