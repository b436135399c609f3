package dev.seva.agents.internal;

import dev.seva.sdk.SevaException;
import dev.seva.sdk.SevaPrincipal;
import dev.seva.tenant.Caller;
import dev.seva.tenant.QrCodes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the agent portal and the staff leaderboard show: a month's leaderboard, an agent's earnings by month, the
 * signed-in agent's own record and the referral link as a QR code. Reads only; the same visibility as the ledger (an
 * AGENT sees itself and its downline, any other agent is 404). Months are those of India.
 */
@ApplicationScoped
@Transactional
public class AgentInsights {

    @Inject
    AgentsUnit unit;

    @Inject
    Agents agents;

    @Inject
    Caller caller;

    /** One agent's line of the leaderboard. */
    public record LeaderboardLine(int rank, String agentId, String agentName, String referralCode,
            String parentAgentId, long conversions, long capturedPaise, long commissionPaise) {
    }

    /**
     * A month's leaderboard.
     *
     * @param conversionsAre what {@code conversions} counts (see the resource)
     */
    public record Leaderboard(String month, String conversionsAre, List<LeaderboardLine> items) {
    }

    /** One month of an agent's earnings; {@code clawedBackPaise}, {@code tdsPaise}, {@code paidPaise} positive. */
    public record EarningsMonth(String month, long accruedPaise, long overridesPaise, long adjustmentsPaise,
            long clawedBackPaise, long tdsPaise, long paidPaise, long netPaise) {
    }

    /** An agent's earnings, oldest month first. */
    public record Earnings(String agentId, List<EarningsMonth> months) {
    }

    /** @return the month's leaderboard, best commission first (ties: captured volume, then name) */
    public Leaderboard leaderboard(String month, int limit) {
        YearMonth m = month(month);
        if (limit < 1 || limit > 5000) {
            throw SevaException.invalidField("limit", "must be 1 to 5000");
        }
        OffsetDateTime lo = m.atDay(1).atStartOfDay(CommissionLedger.IST).toOffsetDateTime();
        OffsetDateTime hi = m.plusMonths(1).atDay(1).atStartOfDay(CommissionLedger.IST).toOffsetDateTime();
        EntityManager em = unit.em();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "WITH conv AS (SELECT coalesce(l.agent_id, l.referred_by_agent_id) agent_id, count(*) n"
                        + " FROM agent_lead l JOIN agent_lead_event e ON e.tenant_id = l.tenant_id AND e.lead_id = l.id"
                        + " WHERE e.kind = 'STAGE' AND e.to_value = 'CONVERTED' AND e.created_at >= CAST(?1 AS timestamptz)"
                        + " AND e.created_at < CAST(?2 AS timestamptz) GROUP BY 1), vol AS (SELECT ac.agent_id,"
                        + " sum(p.amount_paise) n FROM agent_client ac JOIN invoice i ON i.tenant_id = ac.tenant_id AND"
                        + " i.entity_id = ac.entity_id JOIN payment p ON p.tenant_id = i.tenant_id AND p.invoice_id = i.id"
                        + " WHERE p.status = 'CAPTURED' AND p.captured_at >= CAST(?1 AS timestamptz) AND p.captured_at < CAST(?2 AS timestamptz) GROUP BY"
                        + " ac.agent_id), com AS (SELECT agent_id, sum(amount_paise) n FROM commission_entry WHERE kind IN"
                        + " ('ACCRUAL', 'OVERRIDE', 'CLAWBACK', 'ADJUSTMENT') AND occurred_at >= CAST(?1 AS timestamptz) AND occurred_at < CAST(?2 AS timestamptz)"
                        + " GROUP BY agent_id) SELECT a.id, a.name, a.referral_code, a.parent_agent_id, coalesce(conv.n, 0),"
                        + " coalesce(vol.n, 0), coalesce(com.n, 0) FROM agent a LEFT JOIN conv ON conv.agent_id = a.id LEFT"
                        + " JOIN vol ON vol.agent_id = a.id LEFT JOIN com ON com.agent_id = a.id ORDER BY 7 DESC, 6 DESC,"
                        + " 5 DESC, a.name, a.id LIMIT ?3")
                .setParameter(1, lo.toString()).setParameter(2, hi.toString())
                .setParameter(3, limit)
                .getResultList();
        List<LeaderboardLine> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new LeaderboardLine(out.size() + 1, (String) r[0], (String) r[1], (String) r[2], (String) r[3],
                    ((Number) r[4]).longValue(), ((Number) r[5]).longValue(), ((Number) r[6]).longValue()));
        }
        return new Leaderboard(m.toString(), "leads of the agent (assigned, else referred) converted in the month",
                out);
    }

    /** @return the agent's earnings of the last {@code months} months (India), this month included */
    public Earnings earnings(String agentId, int months) {
        if (months < 1 || months > 60) {
            throw SevaException.invalidField("months", "must be 1 to 60");
        }
        EntityManager em = unit.em();
        AgentRecord a = agents.require(em, agentId);
        YearMonth last = YearMonth.now(CommissionLedger.IST);
        YearMonth first = last.minusMonths(months - 1L);
        OffsetDateTime lo = first.atDay(1).atStartOfDay(CommissionLedger.IST).toOffsetDateTime();
        OffsetDateTime hi = last.plusMonths(1).atDay(1).atStartOfDay(CommissionLedger.IST).toOffsetDateTime();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT to_char(occurred_at AT TIME ZONE 'Asia/Kolkata',"
                + " 'YYYY-MM'), kind, sum(amount_paise) FROM commission_entry WHERE agent_id = ?1 AND occurred_at >="
                + " CAST(?2 AS timestamptz) AND occurred_at < CAST(?3 AS timestamptz) GROUP BY 1, 2")
                .setParameter(1, a.id).setParameter(2, lo.toString()).setParameter(3, hi.toString()).getResultList();
        Map<String, Map<String, Long>> byMonth = new HashMap<>();
        for (Object[] r : rows) {
            byMonth.computeIfAbsent((String) r[0], k -> new HashMap<>()).put((String) r[1],
                    ((Number) r[2]).longValue());
        }
        Map<String, EarningsMonth> out = new LinkedHashMap<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            Map<String, Long> k = byMonth.getOrDefault(m.toString(), Map.of());
            long accrued = k.getOrDefault("ACCRUAL", 0L);
            long overrides = k.getOrDefault("OVERRIDE", 0L);
            long adjustments = k.getOrDefault("ADJUSTMENT", 0L);
            long clawed = -k.getOrDefault("CLAWBACK", 0L);
            long tds = -k.getOrDefault("TDS", 0L);
            long paid = -k.getOrDefault("PAYOUT", 0L);
            out.put(m.toString(), new EarningsMonth(m.toString(), accrued, overrides, adjustments, clawed, tds, paid,
                    accrued + overrides + adjustments - clawed - tds - paid));
        }
        return new Earnings(a.id, List.copyOf(out.values()));
    }

    /** @return the signed-in user's agent; 404 when the user is no agent */
    public Agents.AgentView me() {
        SevaPrincipal p = caller.require();
        List<AgentRecord> found = unit.em().createQuery("SELECT a FROM Agent a WHERE a.userId = :u",
                AgentRecord.class).setParameter("u", p.userId()).getResultList();
        if (found.isEmpty()) {
            throw SevaException.notFound("agent");
        }
        return Agents.view(found.get(0));
    }

    /**
     * @param agentId a visible agent
     * @param origin the portal's origin ({@code scheme://host[:port]})
     * @return the agent's referral link {@code <origin>/refer/?code=<code>} and that link as an SVG QR code
     */
    public ReferralQr referralQr(String agentId, String origin) {
        AgentRecord a = agents.require(unit.em(), agentId);
        String link = origin + "/refer/?code=" + a.referralCode;
        return new ReferralQr(link, svg(link));
    }

    /** A referral link and its QR code. */
    public record ReferralQr(String link, String svg) {
    }

    /** @return the text as a QR code: black modules on white, a 4-module quiet zone, as SVG */
    static String svg(String text) {
        QrCodes.Drawing q = QrCodes.draw(text);
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + q.width() + " " + q.height() + "\" width=\""
                + q.width() * 4 + "\" height=\"" + q.height() * 4 + "\" shape-rendering=\"crispEdges\" role=\"img\">"
                + "<title>QR code of the referral link</title><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + q.path() + "\"/></svg>";
    }

    private static YearMonth month(String month) {
        if (month == null || month.isBlank()) {
            return YearMonth.now(CommissionLedger.IST);
        }
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw SevaException.invalidField("month", "must be a month YYYY-MM");
        }
    }
}
