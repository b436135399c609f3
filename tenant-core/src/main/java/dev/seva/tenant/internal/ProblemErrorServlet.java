package dev.seva.tenant.internal;

import dev.seva.sdk.ErrorCode;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The error page for everything the container itself answers (a path no resource serves, an exception that escaped
 * a servlet): always problem+json, never the server's HTML page or a stack trace. Mapped in
 * {@code META-INF/web-fragment.xml}.
 */
@WebServlet(name = "SevaProblemErrorServlet", urlPatterns = "/_seva/error")
public class ProblemErrorServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ProblemErrorServlet.class.getName());

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Object status = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Throwable error = (Throwable) req.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        int code = status instanceof Integer i ? i : 500;
        String requestId = (String) req.getAttribute(TenantFilter.REQUEST_ID);
        if (code >= 500) {
            LOG.log(Level.SEVERE, "Unhandled error, request " + requestId, error);
        }
        ErrorCode ec = Problems.codeForStatus(code);
        Problems.write(res, ec, detail(ec, requestId), requestId, List.of());
        if (ec == ErrorCode.AUTHENTICATION_REQUIRED) {
            res.setHeader("WWW-Authenticate", "Bearer realm=\"seva\"");
        }
    }

    static String detail(ErrorCode ec, String requestId) {
        return switch (ec) {
            case AUTHENTICATION_REQUIRED -> "Sign in first: send a valid bearer token.";
            case FORBIDDEN -> "You are not allowed to do this.";
            case NOT_FOUND -> "Nothing is served at this path.";
            case INTERNAL_ERROR -> "Something went wrong on our side. Quote request " + requestId + " to support.";
            default -> ec.title() + ".";
        };
    }
}
