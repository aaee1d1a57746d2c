package org.parley.web.view;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.parley.consent.entity.Scope;
import org.parley.web.i18n.Texts;

/**
 * How pages say times and scopes in words ({@code #{wording.when(c.expiresAt())}}): Faces 4's
 * date converter knows no {@link Instant}, and scopes are shown as what they allow, not their names,
 * in the page's language ({@code scope.<name>} and {@code when.never} of the page bundle).
 */
@Named
@ApplicationScoped
public class Wording {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")
            .withZone(ZoneId.systemDefault());

    /** A moment on the server's clock, or "never". */
    public String when(Instant moment) {
        return moment == null ? Texts.of(FacesContext.getCurrentInstance(), "when.never") : WHEN.format(moment);
    }

    /** Each scope in plain words, in a stable order. */
    public List<String> scopes(Collection<Scope> scopes) {
        FacesContext faces = FacesContext.getCurrentInstance();
        return scopes.stream().sorted().map(scope -> Texts.of(faces, "scope." + scope.value())).toList();
    }

    /** The scopes in plain words, in one line for a table cell. */
    public String scopesInOneLine(Collection<Scope> scopes) {
        return scopes(scopes).stream().collect(Collectors.joining("; "));
    }
}
