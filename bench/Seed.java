import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeds the benchmark data through the public API (idempotent): N tenants bench-000.., each with M business
 * entities, and writes a wrk Lua script that spreads requests over the tenants at random.
 * Usage: java Seed.java <base url> <platform email> <platform password> <tenants> <entities> <out.lua>
 */
public class Seed {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] a) throws Exception {
        String base = a[0];
        int tenants = Integer.parseInt(a[3]);
        int entities = Integer.parseInt(a[4]);
        String pt = token(base, null, a[1], a[2]);
        var pool = Executors.newFixedThreadPool(4);
        List<Future<String>> lines = new ArrayList<>();
        for (int i = 0; i < tenants; i++) {
            String slug = String.format("bench-%03d", i);
            lines.add(pool.submit(() -> seed(base, pt, slug, entities)));
        }
        StringBuilder lua = new StringBuilder("local tenants = {\n");
        for (Future<String> f : lines) {
            lua.append(f.get()).append(",\n");
        }
        pool.shutdown();
        lua.append("}\nlocal path = os.getenv(\"BENCH_PATH\") or \"/api/v1/entities\"\n")
                .append("math.randomseed(os.time())\n")
                .append("request = function()\n")
                .append("  local t = tenants[math.random(#tenants)]\n")
                .append("  wrk.headers[\"X-Seva-Tenant\"] = t[1]\n")
                .append("  wrk.headers[\"Authorization\"] = \"Bearer \" .. t[2]\n")
                .append("  return wrk.format(\"GET\", path)\n")
                .append("end\n");
        Files.writeString(Path.of(a[5]), lua);
        System.out.println("seeded " + tenants + " tenants x " + entities + " entities");
    }

    static String seed(String base, String pt, String slug, int entities) throws Exception {
        String pw = "bench-password-" + slug;
        String body = "{\"slug\":\"" + slug + "\",\"name\":\"Bench " + slug + "\",\"adminEmail\":\"admin@" + slug
                + ".in\",\"adminPassword\":\"" + pw + "\"}";
        send(base + "/api/v1/platform/tenants", "POST", null, pt, body, 201);
        String token = token(base, slug, "admin@" + slug + ".in", pw);
        String page = send(base + "/api/v1/entities?size=1", "GET", slug, token, null, 200);
        Matcher m = Pattern.compile("\"total\":(\\d+)").matcher(page);
        int have = m.find() ? Integer.parseInt(m.group(1)) : 0;
        for (int i = have; i < entities; i++) {
            send(base + "/api/v1/entities", "POST", slug, token, "{\"legalName\":\"" + slug + " Entity " + i
                    + " Pvt Ltd\",\"type\":\"PRIVATE_LIMITED\",\"pan\":\"AAPFU0939F\",\"state\":\"27\"}", 201);
        }
        return "  {\"" + slug + "\", \"" + token + "\"}";
    }

    static String token(String base, String slug, String email, String password) throws Exception {
        if (slug == null && System.getenv("SEVA_PLATFORM_TOKEN") != null) {
            // the platform admin signs in with a second factor: the script did (bench/platform-token.sh)
            return System.getenv("SEVA_PLATFORM_TOKEN");
        }
        String r = send(base + "/api/v1/auth/token", "POST", slug, null,
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", 200);
        Matcher m = Pattern.compile("\"accessToken\":\"([^\"]+)\"").matcher(r);
        if (!m.find()) {
            throw new IllegalStateException("no token: " + r);
        }
        return m.group(1);
    }

    static String send(String url, String method, String tenant, String token, String body, int expect)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (tenant != null) {
            b.header("X-Seva-Tenant", tenant);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expect) {
            throw new IllegalStateException(method + " " + url + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }
}
