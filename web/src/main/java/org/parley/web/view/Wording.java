package org.parley.web.view;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.parley.consent.entity.Scope;

/**
 * How pages say times and scopes in words ({@code #{wording.when(c.expiresAt())}}): Faces 4's
 * date converter knows no {@link Instant}, and scopes are shown as what they allow, not their names.
 */
@Named
@ApplicationScoped
public class Wording {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")
            .withZone(ZoneId.systemDefault());

    /** A moment on the server's clock, or "never". */
    public String when(Instant moment) {
        return moment == null ? "never" : WHEN.format(moment);
    }

    /** Each scope in plain words, in a stable order. */
    public List<String> scopes(Collection<Scope> scopes) {
        return scopes.stream().sorted().map(Scope::description).toList();
    }

    /** The scopes in plain words, in one line for a table cell. */
    public String scopesInOneLine(Collection<Scope> scopes) {
        return scopes(scopes).stream().collect(Collectors.joining("; "));
    }
}
