package org.parley.account.control;

import org.parley.account.entity.Member;

/** Text typed by anybody, made safe for one log line: no control characters, no unbounded length. */
public final class LogText {

    private LogText() {
    }

    public static String typed(String text) {
        String clean = text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > Member.USERNAME_MAX ? clean.substring(0, Member.USERNAME_MAX) + "…" : clean;
    }
}
