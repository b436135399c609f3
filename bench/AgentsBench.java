import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commissions benchmark (bench/agents.sh runs it against a server of its own): seeds, with SQL as the database
 * owner, one tenant with 2,000 agents in 3 levels (20 roots, 180 under them, 1,800 leaves), 20,000 attributed clients
 * and 1,000,000 invoices each paid by one captured payment, under a plan of 10% with overrides of 20% and 10%; then,
 * in one run, times
 * <ol>
 * <li>plain SQL: one {@code INSERT ... SELECT} as the owner (no RLS) computing the same entries (the earner's 10% of
 * the payment's taxable value, the parent's 20% and the grandparent's 10% of it) into a copy of the ledger table with
 * the same keys and indexes, {@code ON CONFLICT DO NOTHING};</li>
 * <li>Seva: {@code POST /api/v1/commission-accruals/backfill} (the batch path: same maths and entries as the
 * PaymentCaptured observer, under the tenant's RLS) into the empty ledger;</li>
 * </ol>
 * checks that both wrote the same number of entries and the same total per kind, and prints the times and the ratio.
 * Usage: java -cp postgresql.jar AgentsBench.java <base url> <platform email> <platform password> <jdbc url>
 * <payments> <agents>
 */
public class AgentsBench {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final String SLUG = "agents-bench";

    public static void main(String[] a) throws Exception {
        String base = a[0];
        long payments = Long.parseLong(a[4]);
        int agents = Integer.parseInt(a[5]);
        String pt = token(base, null, a[1], a[2]);
        String pw = "bench-password-" + SLUG;
        send(base + "/api/v1/platform/tenants", "POST", null, pt, "{\"slug\":\"" + SLUG + "\",\"name\":\"Agents"
                + " bench\",\"adminEmail\":\"admin@" + SLUG + ".in\",\"adminPassword\":\"" + pw + "\"}", 201, 409);
        String token = token(base, SLUG, "admin@" + SLUG + ".in", pw);
        try (Connection c = DriverManager.getConnection(a[3], "postgres", "postgres"); Statement s = c.createStatement()) {
            String tenant = one(s, "SELECT id FROM tenant WHERE slug = '" + SLUG + "'");
            String plan = one(s, "SELECT max(id) FROM commission_plan WHERE tenant_id = '" + tenant + "'");
            if (plan == null) {
                send(base + "/api/v1/commission-plans", "POST", SLUG, token, "{\"name\":\"Bench\",\"effectiveFrom\":"
                        + "\"2026-01-01\",\"holdDays\":0,\"rules\":[{\"kind\":\"PERCENT\",\"ratePercent\":10}],"
                        + "\"overrides\":[{\"level\":1,\"ratePercent\":20},{\"level\":2,\"ratePercent\":10}]}", 201);
                plan = one(s, "SELECT max(id) FROM commission_plan WHERE tenant_id = '" + tenant + "'");
            }
            if (System.getenv("PAYOUT_ONLY") != null && a.length > 6 && !a[6].isBlank()) {
                // the payout period alone, on the ledger an earlier run accrued
                System.out.println("payout only, on the ledger there: " + one(s, "SELECT count(*) FROM commission_entry"
                        + " WHERE tenant_id = '" + tenant + "'") + " entries");
                s.execute("DELETE FROM commission_entry WHERE tenant_id = '" + tenant + "' AND kind IN ('TDS',"
                        + " 'PAYOUT')");
                s.execute("DELETE FROM payout_line WHERE tenant_id = '" + tenant + "'");
                s.execute("DELETE FROM payout_run WHERE tenant_id = '" + tenant + "'");
                payoutPart(base, token, s, tenant, a[6]);
                return;
            }
            long have = Long.parseLong(one(s, "SELECT count(*) FROM payment WHERE tenant_id = '" + tenant + "'"));
            if (have != payments) {
                seed(s, tenant, plan, payments, agents);
            } else {
                System.out.println("seed: " + payments + " payments there already");
            }
            if (one(s, "SELECT to_regclass('payout_run')") != null) {
                // a payout run per period is idempotent: forget the previous run's, which the ledger no longer has
                s.execute("DELETE FROM payout_line WHERE tenant_id = '" + tenant + "'");
                s.execute("DELETE FROM payout_run WHERE tenant_id = '" + tenant + "'");
            }
            s.execute("CREATE TABLE IF NOT EXISTS bench_plain_entry (LIKE commission_entry INCLUDING ALL)");
            s.execute("TRUNCATE bench_plain_entry, commission_entry");
            s.execute("VACUUM ANALYZE commission_entry");
            s.execute("VACUUM ANALYZE bench_plain_entry");
            // warm the caches alike for both: read every row the two paths read
            one(s, "SELECT count(*), sum(p.amount_paise + i.taxable_paise) FROM payment p JOIN invoice i ON i.id ="
                    + " p.invoice_id JOIN agent_client ac ON ac.entity_id = i.entity_id WHERE p.tenant_id = '" + tenant
                    + "'");

            System.out.println("== plain SQL: one INSERT ... SELECT (owner, no RLS)");
            long t0 = System.nanoTime();
            long plainRows = s.executeUpdate("INSERT INTO bench_plain_entry (id, tenant_id, agent_id, kind,"
                    + " amount_paise, source_id, payment_id, invoice_id, entity_id, plan_id, earner_agent_id, level,"
                    + " basis_paise, rate_percent, hold_until, occurred_at, created_at, note) SELECT"
                    + " gen_random_uuid()::text, p.tenant_id, x.agent, x.kind, x.amount, p.razorpay_payment_id,"
                    + " p.razorpay_payment_id, i.id, i.entity_id, '" + plan + "', e.id, x.level, b.taxable, x.rate,"
                    + " (p.captured_at AT TIME ZONE 'Asia/Kolkata')::date, p.captured_at, now(), x.note FROM payment p"
                    + " JOIN invoice i ON i.id = p.invoice_id JOIN agent_client ac ON ac.entity_id = i.entity_id"
                    + " JOIN agent e ON e.id = ac.agent_id LEFT JOIN agent up ON up.id = e.parent_agent_id"
                    + " CROSS JOIN LATERAL (SELECT round(p.amount_paise::numeric * i.taxable_paise / i.total_paise)"
                    + " ::bigint AS taxable) b CROSS JOIN LATERAL (SELECT round(b.taxable * 10 / 100.0)::bigint AS"
                    + " amount) acc CROSS JOIN LATERAL (VALUES (e.id, 'ACCRUAL', acc.amount, 0, 10.0, 'PERCENT rule'),"
                    + " (e.parent_agent_id, 'OVERRIDE', round(acc.amount * 20 / 100.0)::bigint, 1, 20.0, 'level 1'),"
                    + " (up.parent_agent_id, 'OVERRIDE', round(acc.amount * 10 / 100.0)::bigint, 2, 10.0, 'level 2'))"
                    + " AS x(agent, kind, amount, level, rate, note) WHERE p.tenant_id = '" + tenant + "' AND p.status ="
                    + " 'CAPTURED' AND x.agent IS NOT NULL ON CONFLICT (tenant_id, source_id, agent_id, kind) DO"
                    + " NOTHING");
            double plain = (System.nanoTime() - t0) / 1e9;
            System.out.printf("plain SQL: %d entries in %.1f s%n", plainRows, plain);

            System.out.println("== Seva: POST /api/v1/commission-accruals/backfill (batch path, RLS)");
            t0 = System.nanoTime();
            String r = send(base + "/api/v1/commission-accruals/backfill", "POST", SLUG, token, "{}", 200);
            double seva = (System.nanoTime() - t0) / 1e9;
            System.out.printf("Seva: %s in %.1f s%n", r, seva);

            String sevaSums = one(s, "SELECT (SELECT count(*) FROM commission_entry WHERE tenant_id = '" + tenant
                    + "') || ' entries; ' || string_agg(kind || ' ' || total, ', ' ORDER BY kind) FROM (SELECT kind,"
                    + " sum(amount_paise) total FROM commission_entry WHERE tenant_id = '" + tenant
                    + "' GROUP BY kind) k");
            String plainSums = one(s, "SELECT (SELECT count(*) FROM bench_plain_entry WHERE tenant_id = '" + tenant
                    + "') || ' entries; ' || string_agg(kind || ' ' || total, ', ' ORDER BY kind) FROM (SELECT kind,"
                    + " sum(amount_paise) total FROM bench_plain_entry WHERE tenant_id = '" + tenant
                    + "' GROUP BY kind) k");
            System.out.println("ledger written by Seva: " + sevaSums);
            System.out.println("ledger written by SQL:  " + plainSums);
            if (!sevaSums.equals(plainSums)) {
                System.out.println("MISMATCH between the two ledgers");
                System.exit(1);
            }
            System.out.printf("%nRESULT accrual of %d payments over %d agents: Seva %.1f s, plain SQL %.1f s, ratio %.2f"
                    + " (target <= 3, and under 120 s)%n", payments, agents, seva, plain, seva / plain);
            System.out.println("load average: " + Files.readString(Path.of("/proc/loadavg")).strip());
            if (a.length > 6 && !a[6].isBlank()) {
                payoutPart(base, token, s, tenant, a[6]);
            }
        }
    }

    static void payoutPart(String base, String token, Statement s, String tenant, String periodEnd) throws Exception {
        bankAccounts(base, token, s, tenant);
        payout(base, token, periodEnd);
        System.out.println("ledger after the payout run: " + one(s, "SELECT string_agg(kind || ' ' || n || ' '"
                + " || total, ', ' ORDER BY kind) FROM (SELECT kind, count(*) n, sum(amount_paise) total FROM"
                + " commission_entry WHERE tenant_id = '" + tenant + "' GROUP BY kind) k"));
        System.out.println("load average: " + Files.readString(Path.of("/proc/loadavg")).strip());
    }

    /** Gives every agent without one a bank account, through the API (account numbers are sealed by the server). */
    static void bankAccounts(String base, String token, Statement s, String tenant) throws Exception {
        java.util.List<String> ids = new java.util.ArrayList<>();
        try (ResultSet r = s.executeQuery("SELECT id FROM agent WHERE tenant_id = '" + tenant + "' AND"
                + " bank_account_sealed IS NULL ORDER BY id")) {
            while (r.next()) {
                ids.add(r.getString(1));
            }
        }
        System.out.println("bank accounts: " + ids.size() + " agents need one");
        if (!ids.isEmpty()) {
            send(base + "/api/v1/agents/" + ids.get(0) + "/bank-account", "PUT", SLUG, token, "{\"accountName\":"
                    + "\"Agent 0\",\"accountNumber\":\"100000000000\",\"ifsc\":\"HDFC0001234\"}", 200);
            ids.remove(0);
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        var done = new java.util.ArrayList<java.util.concurrent.Future<String>>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            String number = String.format("%012d", 100000000001L + i);
            done.add(pool.submit(() -> send(base + "/api/v1/agents/" + id + "/bank-account", "PUT", SLUG, token,
                    "{\"accountName\":\"Agent " + id.substring(24) + "\",\"accountNumber\":\"" + number
                            + "\",\"ifsc\":\"HDFC0001234\"}", 200)));
        }
        for (var f : done) {
            f.get();
        }
        pool.shutdown();
    }

    /** Runs one payout period (the payout-runs API), when the server has it. */
    static void payout(String base, String token, String periodEnd) throws Exception {
        System.out.println("== payout run for the period ending " + periodEnd);
        long t0 = System.nanoTime();
        String r = send(base + "/api/v1/payout-runs", "POST", SLUG, token, "{\"periodEnd\":\"" + periodEnd + "\"}",
                201, 200);
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("RESULT payout run: %.1f s: %s%n", secs, r.length() > 400 ? r.substring(0, 400) + "..." : r);
    }

    static void seed(Statement s, String tenant, String plan, long payments, int agents) throws Exception {
        System.out.println("seed: " + agents + " agents, " + agents * 10 + " clients, " + payments + " paid invoices");
        long t0 = System.nanoTime();
        s.execute("TRUNCATE commission_entry");
        if (one(s, "SELECT to_regclass('payout_run')") != null) {
            s.execute("DELETE FROM payout_line WHERE tenant_id = '" + tenant + "'");
            s.execute("DELETE FROM payout_run WHERE tenant_id = '" + tenant + "'");
            s.execute("DELETE FROM agent_lead_event WHERE tenant_id = '" + tenant + "'");
            s.execute("DELETE FROM agent_lead WHERE tenant_id = '" + tenant + "'");
        }
        s.execute("DELETE FROM payment WHERE tenant_id = '" + tenant + "'");
        s.execute("DELETE FROM invoice WHERE tenant_id = '" + tenant + "'");
        s.execute("DELETE FROM agent_client WHERE tenant_id = '" + tenant + "'");
        s.execute("DELETE FROM agent WHERE tenant_id = '" + tenant + "'");
        s.execute("DELETE FROM business_entity WHERE tenant_id = '" + tenant + "' AND legal_name LIKE 'Bench client %'");
        int roots = Math.max(1, agents / 100);
        int mids = Math.max(1, agents / 10 - roots);
        // ids: a fixed prefix and the number; roots first, then the middle level, then the leaves
        s.execute("INSERT INTO agent (id, tenant_id, name, email, phone, parent_agent_id, plan_id, status,"
                + " referral_code, created_at, updated_at) SELECT 'a0000000-0000-4000-8000-' || lpad(n::text, 12, '0'),"
                + " '" + tenant + "', 'Agent ' || n, 'agent' || n || '@bench.in', '9876543210', CASE WHEN n < " + roots
                + " THEN NULL WHEN n < " + (roots + mids) + " THEN 'a0000000-0000-4000-8000-' || lpad((n % " + roots
                + ")::text, 12, '0') ELSE 'a0000000-0000-4000-8000-' || lpad((" + roots + " + n % " + mids
                + ")::text, 12, '0') END, '" + plan + "', 'ACTIVE', 'B' || lpad(n::text, 7, '0'), now(), now() FROM"
                + " generate_series(0, " + (agents - 1) + ") n ORDER BY n");
        s.execute("INSERT INTO business_entity (id, tenant_id, legal_name, type, state, created_at, updated_at) SELECT"
                + " 'e0000000-0000-4000-8000-' || lpad(n::text, 12, '0'), '" + tenant + "', 'Bench client ' || n,"
                + " 'PRIVATE_LIMITED', '27', now(), now() FROM generate_series(0, " + (agents * 10 - 1) + ") n");
        s.execute("INSERT INTO agent_client (tenant_id, entity_id, agent_id, created_at) SELECT '" + tenant + "',"
                + " 'e0000000-0000-4000-8000-' || lpad(n::text, 12, '0'), 'a0000000-0000-4000-8000-' || lpad((n % "
                + agents + ")::text, 12, '0'), now() FROM generate_series(0, " + (agents * 10 - 1) + ") n");
        // taxable: a multiple of 10 rupees (so that 10%, 20% and 10% of it are whole paise in both paths), 18% GST
        s.execute("INSERT INTO invoice (id, tenant_id, number, financial_year, entity_id, entity_name, firm_state,"
                + " place_of_supply, status, service_category, taxable_paise, cgst_paise, sgst_paise, igst_paise,"
                + " total_paise, paid_paise, issued_at, created_at, updated_at) SELECT 'i0000000-0000-4000-8000-' ||"
                + " lpad(n::text, 12, '0'), '" + tenant + "', 'BENCH/' || n, '2026-27', 'e0000000-0000-4000-8000-' ||"
                + " lpad((n % " + (agents * 10) + ")::text, 12, '0'), 'Bench client', '27', '27', 'PAID', 'gst-filing',"
                + " t, t * 9 / 100, t * 9 / 100, 0, t * 118 / 100, t * 118 / 100, now(), now(), now() FROM (SELECT n,"
                + " 1000 * (1 + n % 500) AS t FROM generate_series(0, " + (payments - 1) + ") n) g");
        s.execute("INSERT INTO payment (id, tenant_id, invoice_id, razorpay_order_id, razorpay_payment_id,"
                + " amount_paise, status, source, captured_at, event_emitted, created_at, updated_at) SELECT"
                + " 'p0000000-0000-4000-8000-' || lpad(n::text, 12, '0'), '" + tenant + "', 'i0000000-0000-4000-8000-'"
                + " || lpad(n::text, 12, '0'), 'order_b' || n, 'pay_b' || n, 1180 * (1 + n % 500), 'CAPTURED', 'IMPORT',"
                + " timestamptz '2026-10-01 00:00+05:30' + (n % 2592000) * interval '1 second', true, now(), now()"
                + " FROM generate_series(0, " + (payments - 1) + ") n");
        s.execute("ANALYZE agent");
        s.execute("ANALYZE agent_client");
        s.execute("ANALYZE business_entity");
        s.execute("ANALYZE invoice");
        s.execute("ANALYZE payment");
        System.out.printf("seed: %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    static String one(Statement s, String sql) throws Exception {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
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

    static String send(String url, String method, String tenant, String token, String body, int... expect)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(30))
                .header("Content-Type", "application/json").method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (tenant != null) {
            b.header("X-Seva-Tenant", tenant);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        for (int e : expect) {
            if (r.statusCode() == e) {
                return r.body();
            }
        }
        throw new IllegalStateException(method + " " + url + " -> " + r.statusCode() + " " + r.body());
    }
}
