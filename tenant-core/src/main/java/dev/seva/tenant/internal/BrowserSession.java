package dev.seva.tenant.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The browser's side of a sign-in: the two cookies every successful sign-in sets, the redirects it answers with, and
 * the checks its form posts get.
 *
 * <ul>
 * <li>{@value #TOKEN_COOKIE}: the access token (the same MP-JWT the token endpoint issues), HttpOnly,
 * SameSite=Lax, Secure when the request came over HTTPS, living as long as the token.</li>
 * <li>{@value #CSRF_COOKIE}: a random value the portal's scripts read and echo in {@code X-CSRF-Token}
 * (double-submit), SameSite=Strict, not HttpOnly.</li>
 * </ul>
 * The HTTP session only carries a sign-in in progress and is invalidated once the cookies are set.
 */
public final class BrowserSession {

    /** The access token's cookie. */
    public static final String TOKEN_COOKIE = "seva_token";
    /** The double-submit CSRF cookie. */
    public static final String CSRF_COOKIE = "seva_csrf";
    /** The header that must echo {@value #CSRF_COOKIE} on state-changing API calls made with the cookie. */
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** Where a sign-in lands when no (safe) {@code next} was given. */
    public static final String HOME = "/app/";
    /** The sign-in page. */
    public static final String LOGIN_PAGE = "/login/";
    /** The second-factor page. */
    public static final String TOTP_PAGE = "/login/totp.html";

    /** Session attribute: the safe {@code next} path of the sign-in in progress. */
    static final String NEXT_ATTRIBUTE = "seva.login.next";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SAFE_NEXT = Pattern.compile("/app/[A-Za-z0-9._~!$&'()*+,;=:@%/?#-]*");

    private BrowserSession() {
    }

    /** Sets both cookies for a freshly issued token and ends the sign-in's HTTP session. */
    static void start(HttpServletRequest req, HttpServletResponse res, TokenIssuer.Issued token) {
        HttpSession s = req.getSession(false);
        if (s != null) {
            s.invalidate();
        }
        int maxAge = (int) Math.min(Integer.MAX_VALUE, token.expiresIn());
        res.addCookie(cookie(req, TOKEN_COOKIE, token.token(), maxAge, true, "Lax"));
        byte[] csrf = new byte[32];
        RANDOM.nextBytes(csrf);
        res.addCookie(cookie(req, CSRF_COOKIE, Base64.getUrlEncoder().withoutPadding().encodeToString(csrf), maxAge,
                false, "Strict"));
    }

    /** Clears both cookies (Max-Age=0) and ends the HTTP session. */
    static void end(HttpServletRequest req, HttpServletResponse res) {
        HttpSession s = req.getSession(false);
        if (s != null) {
            s.invalidate();
        }
        res.addCookie(cookie(req, TOKEN_COOKIE, "", 0, true, "Lax"));
        res.addCookie(cookie(req, CSRF_COOKIE, "", 0, false, "Strict"));
    }

    private static Cookie cookie(HttpServletRequest req, String name, String value, int maxAge, boolean httpOnly,
            String sameSite) {
        Cookie c = new Cookie(name, value);
        c.setPath("/");
        c.setMaxAge(maxAge);
        c.setHttpOnly(httpOnly);
        c.setSecure(req.isSecure());
        c.setAttribute("SameSite", sameSite);
        return c;
    }

    /** Answers 303 See Other to a same-origin path. */
    static void seeOther(HttpServletResponse res, String path) throws IOException {
        res.setStatus(HttpServletResponse.SC_SEE_OTHER);
        res.setHeader("Location", path);
        res.setHeader("Cache-Control", "no-store");
    }

    /** @return the sign-in page showing this error code */
    static String loginError(String code) {
        return LOGIN_PAGE + "?error=" + code;
    }

    /**
     * @return {@code next} when it is a same-origin path under {@code /app/} (no scheme, no host, no backslash, no
     *         {@code //}, no control characters, at most 512 characters), otherwise {@link #HOME}
     */
    public static String safeNext(String next) {
        if (next == null || next.length() > 512 || next.contains("//") || next.contains("\\")
                || next.contains("/../") || !SAFE_NEXT.matcher(next).matches()) {
            return HOME;
        }
        return next;
    }

    /** @return the value of the request's cookie with this name */
    public static Optional<String> cookie(HttpServletRequest req, String name) {
        Cookie[] cs = req.getCookies();
        if (cs == null) {
            return Optional.empty();
        }
        for (Cookie c : cs) {
            if (name.equals(c.getName())) {
                return Optional.ofNullable(c.getValue());
            }
        }
        return Optional.empty();
    }

    /** @return whether the CSRF value given equals the cookie's, compared in constant time; false when either is empty */
    public static boolean csrfMatches(String cookieValue, String given) {
        if (cookieValue == null || given == null || cookieValue.isEmpty() || given.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(cookieValue.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @return false when a browser said the request comes from another origin: its {@code Origin} header (sent with
     *         every cross-site POST) names another host than the request's {@code Host}. Requests without
     *         {@code Origin} (non-browser clients) pass.
     */
    static boolean sameOrigin(HttpServletRequest req) {
        String origin = req.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        String host = req.getHeader("Host");
        try {
            URI o = URI.create(origin.strip());
            if (o.getHost() == null || host == null) {
                return false;
            }
            String authority = o.getHost() + (o.getPort() >= 0 ? ":" + o.getPort() : "");
            return authority.toLowerCase(Locale.ROOT).equals(host.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
