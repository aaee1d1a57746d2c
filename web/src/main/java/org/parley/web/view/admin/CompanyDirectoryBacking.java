package org.parley.web.view.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.parley.companydirectory.boundary.DirectorySync;
import org.parley.companydirectory.entity.SyncState;
import org.parley.web.view.Http;

/**
 * Backs {@code /admin/company-directory}: which directory Parley uses, the sync under way, the last
 * sync's summary, and <em>Sync now</em>, which starts a sync in the background.
 */
@Named
@RequestScoped
public class CompanyDirectoryBacking {

    @EJB
    DirectorySync sync;

    @Inject
    FacesContext faces;

    private SyncState state;

    public SyncState getState() {
        if (state == null) {
            state = sync.state();
        }
        return state;
    }

    /** How often the scheduled sync runs, as ISO-8601 without its {@code PT} ({@code 1H}, {@code 15M}). */
    public String getInterval() {
        return getState().interval().toString().substring(2);
    }

    public void syncNow() {
        AdminText.info(faces, sync.syncNow(Http.address(faces)) ? "directory.started" : "directory.alreadyRunning");
        state = null;
    }
}
