package dev.seva.tenant.rest;

import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.FieldError;
import dev.seva.sdk.SevaException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The paging rule of every list endpoint of every module, in one place: a resource method that takes
 * {@code @QueryParam("page")} has {@code page} and {@code size} checked before it runs. Both must be whole numbers,
 * {@code page >= 0}, and {@code page × size} (the query's offset; {@code size} defaulting to the method's
 * {@code @DefaultValue}) at most {@link Integer#MAX_VALUE}; otherwise 400 {@code VALIDATION_FAILED} naming the field,
 * rather than an overflowed negative offset (500) or JAX-RS's 404 for a parameter it cannot convert. The range of
 * {@code size} stays each endpoint's own (most allow 1 to 200).
 */
@Provider
@Priority(Priorities.USER)
public class PagingFilter implements ContainerRequestFilter {

    /** What a paged method declares: the default of its {@code size} ("50"), empty when it has none. */
    private static final Map<Method, Optional<Optional<String>>> PAGED = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        Optional<Optional<String>> paged = method == null
                ? Optional.empty()
                : PAGED.computeIfAbsent(method, PagingFilter::inspect);
        if (paged.isEmpty()) {
            return;
        }
        var query = request.getUriInfo().getQueryParameters();
        String size = query.getFirst("size") != null ? query.getFirst("size") : paged.get().orElse(null);
        check(query.getFirst("page"), size);
    }

    /**
     * @param page the {@code page} parameter, null when absent (0)
     * @param size the {@code size} parameter or its default, null when there is none
     * @throws SevaException 400 {@code VALIDATION_FAILED}
     */
    static void check(String page, String size) {
        List<FieldError> errors = new ArrayList<>();
        Long p = page == null ? Long.valueOf(0) : number(page);
        Long s = size == null ? Long.valueOf(1) : number(size);
        if (p == null) {
            errors.add(new FieldError("page", "must be a whole number, 0 or more"));
        } else if (p < 0) {
            errors.add(new FieldError("page", "must be 0 or more"));
        }
        if (s == null) {
            errors.add(new FieldError("size", "must be a whole number"));
        }
        if (errors.isEmpty() && p > Integer.MAX_VALUE / Math.max(1, s)) {
            errors.add(new FieldError("page", "must be at most " + Integer.MAX_VALUE / Math.max(1, s)
                    + " for a size of " + Math.max(1, s)));
        }
        if (!errors.isEmpty()) {
            throw new SevaException(ErrorCode.VALIDATION_FAILED, "Invalid paging parameters.", errors);
        }
    }

    /** @return the value as a number (digits with an optional sign, at most 18 of them), null when it is not one */
    private static Long number(String text) {
        String t = text.strip();
        if (!t.matches("[+-]?\\d{1,18}")) {
            return null;
        }
        return Long.parseLong(t);
    }

    private static Optional<Optional<String>> inspect(Method method) {
        boolean paged = false;
        Optional<String> sizeDefault = Optional.empty();
        for (Parameter p : method.getParameters()) {
            QueryParam q = p.getAnnotation(QueryParam.class);
            if (q == null) {
                continue;
            }
            if (q.value().equals("page")) {
                paged = true;
            } else if (q.value().equals("size")) {
                sizeDefault = Optional.ofNullable(p.getAnnotation(DefaultValue.class)).map(DefaultValue::value);
            }
        }
        return paged ? Optional.of(sizeDefault) : Optional.empty();
    }
}
