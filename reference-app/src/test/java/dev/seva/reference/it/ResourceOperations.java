package dev.seva.reference.it;

import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ScanResult;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every operation of the API, from the deployed code itself: the JAX-RS resource classes of every module on the
 * test classpath (the war's modules: tenant-core, documents, payments, agents, the reference app), scanned with
 * ClassGraph, under the application's {@code @ApplicationPath}. Test classes are left out.
 */
final class ResourceOperations {

    private ResourceOperations() {
    }

    /** @return "GET /api/v1/entities/{id}" and so on, sorted */
    static Set<String> all() {
        Set<String> ops = new TreeSet<>();
        try (ScanResult scan = new ClassGraph().enableClassInfo().enableAnnotationInfo().acceptPackages("dev.seva")
                .scan()) {
            String root = scan.getClassesWithAnnotation(ApplicationPath.class).stream()
                    .filter(ResourceOperations::deployed).map(c -> c.loadClass().getAnnotation(ApplicationPath.class)
                            .value())
                    .findFirst().orElseThrow(() -> new IllegalStateException("no @ApplicationPath class"));
            for (ClassInfo ci : scan.getClassesWithAnnotation(Path.class)) {
                if (deployed(ci) && !ci.isInterface() && !ci.isAbstract()) {
                    Class<?> c = ci.loadClass();
                    collect(join(root, c.getAnnotation(Path.class).value()), c, ops, 0);
                }
            }
        }
        return ops;
    }

    private static void collect(String base, Class<?> c, Set<String> ops, int depth) {
        for (Method m : c.getMethods()) {
            Path p = m.getAnnotation(Path.class);
            String path = p == null ? base : join(base, p.value());
            List<String> verbs = new ArrayList<>();
            for (Annotation a : m.getAnnotations()) {
                HttpMethod h = a.annotationType().getAnnotation(HttpMethod.class);
                if (h != null) {
                    verbs.add(h.value());
                }
            }
            if (!verbs.isEmpty()) {
                verbs.forEach(v -> ops.add(v + " " + path));
            } else if (p != null && depth < 3) {
                collect(path, m.getReturnType(), ops, depth + 1); // a sub-resource locator
            }
        }
    }

    /** Joins path segments and writes {@code {id: [0-9]+}} as {@code {id}}, as OpenAPI does. */
    static String join(String a, String b) {
        String s = ("/" + a + "/" + b).replaceAll("/+", "/").replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}");
        return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** @return whether the class ships in the war (not a test class of any module) */
    private static boolean deployed(ClassInfo c) {
        String where = String.valueOf(c.getClasspathElementFile());
        return !where.contains("test-classes") && !where.endsWith("-tests.jar");
    }
}
