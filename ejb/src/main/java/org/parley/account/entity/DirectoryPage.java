package org.parley.account.entity;

import java.util.List;

/** One page of a directory search: the members on it, and how many match in all. */
public record DirectoryPage(List<DirectoryEntry> entries, int total) {

    public DirectoryPage {
        entries = List.copyOf(entries);
    }
}
