package org.parley.account.entity;

/** What a directory page is sorted by. Members without the field (no title, no department) come last either way. */
public enum DirectoryOrder {
    NAME, TITLE, DEPARTMENT
}
