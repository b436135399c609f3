package dev.seva.tenant.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Adds the request id and tenant to every log record written on the request's thread, as the {@code ext_requestId}
 * and {@code ext_tenant} fields of Liberty's JSON log, through Liberty's {@code LogRecordContext} when the server
 * offers it (elsewhere this does nothing). Never put secrets here.
 */
final class LogContext {

    private static final MethodHandle ADD;
    private static final MethodHandle REMOVE;

    static {
        MethodHandle add = null;
        MethodHandle remove = null;
        try {
            Class<?> c = Class.forName("com.ibm.websphere.logging.hpel.LogRecordContext");
            add = MethodHandles.publicLookup().findStatic(c, "addExtension",
                    MethodType.methodType(void.class, String.class, String.class));
            remove = MethodHandles.publicLookup().findStatic(c, "removeExtension",
                    MethodType.methodType(boolean.class, String.class));
        } catch (ReflectiveOperationException | LinkageError e) {
            // not on Liberty: plain logs
        }
        ADD = add;
        REMOVE = remove;
    }

    private LogContext() {
    }

    static void enter(String requestId, String tenant) {
        put("requestId", requestId);
        put("tenant", tenant == null ? "-" : tenant);
    }

    static void exit() {
        if (REMOVE != null) {
            try {
                REMOVE.invoke("requestId");
                REMOVE.invoke("tenant");
            } catch (Throwable e) {
                // logging context is best effort
            }
        }
    }

    private static void put(String key, String value) {
        if (ADD != null) {
            try {
                ADD.invoke(key, value);
            } catch (Throwable e) {
                // logging context is best effort
            }
        }
    }
}
