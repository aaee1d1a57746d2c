package org.parley.web.view.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.parley.audit.boundary.Audit;
import org.parley.audit.entity.AuditEntry;

/** Backs {@code /admin/audit}: the newest audit entries. */
@Named
@RequestScoped
public class AuditBacking {

    static final int SHOWN = 200;

    @Inject
    Audit audit;

    private List<AuditEntry> recent;

    public List<AuditEntry> getRecent() {
        if (recent == null) {
            recent = audit.recent(SHOWN);
        }
        return recent;
    }
}
