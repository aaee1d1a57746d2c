package org.parley.contact.entity;

import java.util.List;

/** A contact point as the routing and the contact page need it, held in memory (no query per visitor). */
public record ContactPointView(String name, String title, String intro, boolean enabled, List<String> members) {

    public ContactPointView {
        members = List.copyOf(members);
    }
}
