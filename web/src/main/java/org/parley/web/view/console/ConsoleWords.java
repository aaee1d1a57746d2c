package org.parley.web.view.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObjectBuilder;
import java.util.Collections;
import java.util.ResourceBundle;
import org.parley.web.json.JsonBuilders;

/**
 * The web console's words in the page's language, as one JSON object for {@code console.js}
 * ({@code data-words} on the console): the {@code Console} bundle (var {@code consoleText}).
 */
@Named
@RequestScoped
public class ConsoleWords {

    @Inject
    FacesContext faces;

    public String getJson() {
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "consoleText");
        JsonObjectBuilder words = JsonBuilders.object();
        Collections.list(bundle.getKeys()).forEach(key -> words.add(key, bundle.getString(key)));
        return words.build().toString();
    }
}
