package dev.seva.tenant.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.seva.sdk.Role;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The pure rules of issue 11's sign-in changes: who OIDC links by e-mail, what a configured TOTP secret is. */
class SignInRulesTest {

    @Test
    void oidcLinksClientsByEmailStaffOnlyWhenAllowedAndATenantAdminNever() {
        assertNull(OidcSignIn.linkRefusal(EnumSet.of(Role.CLIENT), false));
        for (Role staff : EnumSet.of(Role.MANAGER, Role.STAFF, Role.AUDITOR, Role.AGENT)) {
            assertNotNull(OidcSignIn.linkRefusal(EnumSet.of(staff), false), staff.name());
            assertNotNull(OidcSignIn.linkRefusal(EnumSet.of(staff, Role.CLIENT), false), staff.name());
            assertNull(OidcSignIn.linkRefusal(EnumSet.of(staff), true), staff.name());
        }
        assertEquals("a TENANT_ADMIN is never linked automatically",
                OidcSignIn.linkRefusal(EnumSet.of(Role.TENANT_ADMIN), true));
        assertNotNull(OidcSignIn.linkRefusal(EnumSet.of(Role.TENANT_ADMIN, Role.CLIENT), true));
    }

    @Test
    void aConfiguredTotpSecretIsBase32OfAtLeast80Bits() {
        assertEquals("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", PlatformAdminTotp.normaliseSecret(
                "jbsw y3dp ehpk 3pxp jbsw y3dp ehpk 3pxp"));
        assertEquals("JBSWY3DPEHPK3PXP", PlatformAdminTotp.normaliseSecret("JBSWY3DPEHPK3PXP===="));
        assertNull(PlatformAdminTotp.normaliseSecret("JBSWY3DPEHPK3PX")); // 75 bits
        assertNull(PlatformAdminTotp.normaliseSecret("JBSWY3DPEHPK3PX1")); // 1 is no base32
        assertNull(PlatformAdminTotp.normaliseSecret(""));
        assertNull(PlatformAdminTotp.normaliseSecret(null));
    }
}
