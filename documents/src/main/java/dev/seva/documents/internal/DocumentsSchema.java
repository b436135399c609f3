package dev.seva.documents.internal;

import dev.seva.tenant.SchemaModule;
import jakarta.enterprise.context.ApplicationScoped;

/** The vault's migrations: {@code db/migration/documents}, after tenant-core's (they reference its tables). */
@ApplicationScoped
public class DocumentsSchema implements SchemaModule {

    @Override
    public String name() {
        return "documents";
    }

    @Override
    public int order() {
        return 20;
    }
}
