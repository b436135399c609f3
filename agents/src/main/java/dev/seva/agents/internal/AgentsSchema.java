package dev.seva.agents.internal;

import dev.seva.tenant.SchemaModule;
import jakarta.enterprise.context.ApplicationScoped;

/** The agents module's migrations, {@code db/migration/agents}; after tenant-core and payments. */
@ApplicationScoped
public class AgentsSchema implements SchemaModule {

    @Override
    public String name() {
        return "agents";
    }

    @Override
    public int order() {
        return 60;
    }
}
