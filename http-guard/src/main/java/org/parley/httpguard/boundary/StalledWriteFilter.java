package org.parley.httpguard.boundary;

import java.io.IOException;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;

/** Puts every connection it reads from under the watch of {@link StalledWrites}, and passes everything on. */
public final class StalledWriteFilter extends BaseFilter {

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        StalledWrites.watch(ctx.getConnection());
        return ctx.getInvokeAction();
    }
}
