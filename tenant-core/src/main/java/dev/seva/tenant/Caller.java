package dev.seva.tenant;

import dev.seva.sdk.SevaPrincipal;
import java.util.Optional;

/**
 * Who is calling: the principal of the request, from the validated MP-JWT (header or cookie) or API key. Request
 * scoped; inject it.
 */
public interface Caller {

    /** @return the signed-in principal, or empty for an anonymous request and off a request */
    Optional<SevaPrincipal> principal();

    /**
     * @return the signed-in principal
     * @throws dev.seva.sdk.SevaException {@code AUTHENTICATION_REQUIRED} when nobody is signed in
     */
    SevaPrincipal require();
}
