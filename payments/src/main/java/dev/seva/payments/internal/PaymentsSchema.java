package dev.seva.payments.internal;

import dev.seva.tenant.SchemaModule;
import jakarta.enterprise.context.ApplicationScoped;

/** The payments module's migrations, {@code db/migration/payments}; after tenant-core (it references its tables). */
@ApplicationScoped
public class PaymentsSchema implements SchemaModule {

    @Override
    public String name() {
        return "payments";
    }

    @Override
    public int order() {
        return 50;
    }
}
