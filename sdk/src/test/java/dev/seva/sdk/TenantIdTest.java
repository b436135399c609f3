package dev.seva.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TenantIdTest {

    @Test
    void isCanonicalLowerCase() {
        TenantId id = new TenantId("6F9619FF-8B86-D011-B42D-00C04FC964FF");
        assertEquals("6f9619ff-8b86-d011-b42d-00c04fc964ff", id.value());
        assertEquals(id, new TenantId("6f9619ff-8b86-d011-b42d-00c04fc964ff"));
    }

    @Test
    void rejectsWhatIsNotAUuid() {
        assertThrows(IllegalArgumentException.class, () -> new TenantId("acme"));
        assertThrows(NullPointerException.class, () -> new TenantId(null));
    }

    @Test
    void platformIsReserved() {
        assertTrue(TenantId.PLATFORM.isPlatform());
        assertFalse(TenantId.random().isPlatform());
    }
}
