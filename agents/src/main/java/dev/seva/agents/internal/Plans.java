package dev.seva.agents.internal;

import dev.seva.agents.CommissionMath.OverrideRate;
import dev.seva.agents.CommissionMath.Rule;
import dev.seva.agents.CommissionMath.RuleKind;
import dev.seva.agents.CommissionMath.Slab;
import dev.seva.agents.CommissionMath.SlabMode;
import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.FieldError;
import dev.seva.sdk.SevaException;
import dev.seva.tenant.AuditTrail;
import dev.seva.tenant.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Commission plans: versions that are never edited. Creating a plan under an existing name adds its next version. The
 * plan in force for a payment is the newest version (by {@code effectiveFrom}, then version) whose
 * {@code effectiveFrom} is on or before the payment's date in India: of the agent's plan's name when the agent has
 * one, else of all the tenant's plans.
 */
@ApplicationScoped
@Transactional
public class Plans {

    static final Jsonb JSON = JsonbBuilder.create();
    private static final Type RULES = new ArrayList<Rule>() {
    }.getClass().getGenericSuperclass();
    private static final Type OVERRIDES = new ArrayList<OverrideRate>() {
    }.getClass().getGenericSuperclass();
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Inject
    AgentsUnit unit;

    @Inject
    Tenants tenants;

    @Inject
    AuditTrail audit;

    /** A slab of the request. */
    public record SlabBody(Long fromPaise, Long toPaise, BigDecimal ratePercent) {
    }

    /** A rule of the request. */
    public record RuleBody(String kind, String serviceCategory, BigDecimal ratePercent, Long amountPaise,
            List<SlabBody> slabs, String slabMode, Long capPaise) {
    }

    /** An override of the request. */
    public record OverrideBody(Integer level, BigDecimal ratePercent) {
    }

    /** The create request. */
    public record NewPlan(String name, String effectiveFrom, List<RuleBody> rules, List<OverrideBody> overrides,
            Integer holdDays) {
    }

    /** A plan version as shown. */
    public record PlanView(String id, String name, int version, LocalDate effectiveFrom, List<Rule> rules,
            List<OverrideRate> overrides, int holdDays, OffsetDateTime createdAt) {
    }

    /** A plan as the ledger uses it. */
    record Plan(String id, List<Rule> rules, List<OverrideRate> overrides, int holdDays) {
    }

    /** Creates a plan version. */
    public PlanView create(NewPlan body) {
        if (body == null) {
            throw SevaException.invalidField("body", "is required");
        }
        List<FieldError> errors = new ArrayList<>();
        String name = body.name() == null ? "" : body.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            errors.add(new FieldError("name", "is required, at most 200 characters"));
        }
        LocalDate from = null;
        try {
            from = body.effectiveFrom() == null ? null : LocalDate.parse(body.effectiveFrom());
        } catch (DateTimeParseException e) {
            // reported below
        }
        if (from == null) {
            errors.add(new FieldError("effectiveFrom", "must be a date YYYY-MM-DD"));
        }
        int hold = body.holdDays() == null ? 0 : body.holdDays();
        if (hold < 0 || hold > 366) {
            errors.add(new FieldError("holdDays", "must be between 0 and 366"));
        }
        List<Rule> rules = rules(body.rules(), errors);
        List<OverrideRate> overrides = overrides(body.overrides(), errors);
        if (!errors.isEmpty()) {
            throw new SevaException(ErrorCode.VALIDATION_FAILED, "Invalid commission plan", errors);
        }
        EntityManager em = unit.em();
        Number last = (Number) em.createNativeQuery("SELECT coalesce(max(plan_version), 0) FROM commission_plan"
                + " WHERE name = ?1").setParameter(1, name).getSingleResult();
        PlanRecord p = new PlanRecord(UUID.randomUUID().toString(), name, last.intValue() + 1, from,
                JSON.toJson(rules, RULES), JSON.toJson(overrides, OVERRIDES), hold,
                OffsetDateTime.now(ZoneOffset.UTC));
        em.persist(p);
        em.flush();
        audit.record(tenants.current().id(), "COMMISSION_PLAN_CREATED", "commission-plan", p.id,
                name + " v" + p.planVersion + " from " + from);
        return view(p);
    }

    /** @return every plan version, newest effective first */
    public List<PlanView> list() {
        return unit.em().createQuery("SELECT p FROM CommissionPlan p ORDER BY p.effectiveFrom DESC, p.name,"
                + " p.planVersion DESC", PlanRecord.class).setMaxResults(1000).getResultList().stream()
                .map(Plans::view).toList();
    }

    /** @return the plan version, 404 when unknown */
    public PlanView get(String id) {
        PlanRecord p = id == null ? null : unit.em().find(PlanRecord.class, id);
        if (p == null) {
            throw SevaException.notFound("commission plan");
        }
        return view(p);
    }

    /** @return the plan in force on {@code date} for an agent with {@code agentPlanId} (may be null) */
    static Optional<Plan> inForce(EntityManager em, String agentPlanId, LocalDate date) {
        List<PlanRecord> found;
        if (agentPlanId != null) {
            PlanRecord chosen = em.find(PlanRecord.class, agentPlanId);
            if (chosen == null) {
                return Optional.empty();
            }
            found = em.createQuery("SELECT p FROM CommissionPlan p WHERE p.name = :n AND p.effectiveFrom <= :d"
                    + " ORDER BY p.effectiveFrom DESC, p.planVersion DESC", PlanRecord.class)
                    .setParameter("n", chosen.name).setParameter("d", date).setMaxResults(1).getResultList();
        } else {
            found = em.createQuery("SELECT p FROM CommissionPlan p WHERE p.effectiveFrom <= :d"
                    + " ORDER BY p.effectiveFrom DESC, p.createdAt DESC", PlanRecord.class).setParameter("d", date)
                    .setMaxResults(1).getResultList();
        }
        return found.stream().findFirst().map(p -> new Plan(p.id, JSON.fromJson(p.rules, RULES),
                JSON.fromJson(p.overrides, OVERRIDES), p.holdDays));
    }

    static PlanView view(PlanRecord p) {
        return new PlanView(p.id, p.name, p.planVersion, p.effectiveFrom, JSON.fromJson(p.rules, RULES),
                JSON.fromJson(p.overrides, OVERRIDES), p.holdDays, p.createdAt);
    }

    private static boolean rate(BigDecimal r) {
        return r != null && r.signum() >= 0 && r.compareTo(HUNDRED) <= 0 && r.scale() <= 4;
    }

    private static List<Rule> rules(List<RuleBody> in, List<FieldError> errors) {
        List<Rule> out = new ArrayList<>();
        if (in == null || in.isEmpty() || in.size() > 100) {
            errors.add(new FieldError("rules", "one to 100 rules are required"));
            return out;
        }
        Set<String> categories = new HashSet<>();
        for (int i = 0; i < in.size(); i++) {
            RuleBody r = in.get(i);
            String f = "rules[" + i + "]";
            if (r == null) {
                errors.add(new FieldError(f, "is required"));
                continue;
            }
            RuleKind kind;
            try {
                kind = RuleKind.valueOf(String.valueOf(r.kind()).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(f + ".kind", "must be PERCENT, FLAT or SLAB"));
                continue;
            }
            String category = r.serviceCategory() == null || r.serviceCategory().isBlank()
                    ? null
                    : r.serviceCategory().strip();
            if (category != null && !category.matches("[A-Za-z0-9_.-]{1,64}")) {
                errors.add(new FieldError(f + ".serviceCategory", "letters, digits, _ . - (at most 64)"));
            }
            if (!categories.add(category == null ? "" : category.toLowerCase(Locale.ROOT))) {
                errors.add(new FieldError(f + ".serviceCategory", "has another rule already"));
            }
            if (r.capPaise() != null && r.capPaise() < 0) {
                errors.add(new FieldError(f + ".capPaise", "must not be negative"));
            }
            List<Slab> slabs = null;
            SlabMode mode = null;
            switch (kind) {
                case PERCENT -> {
                    if (!rate(r.ratePercent())) {
                        errors.add(new FieldError(f + ".ratePercent", "must be 0 to 100, at most 4 decimals"));
                    }
                }
                case FLAT -> {
                    if (r.amountPaise() == null || r.amountPaise() < 0) {
                        errors.add(new FieldError(f + ".amountPaise", "must be zero or more"));
                    }
                }
                case SLAB -> {
                    slabs = new ArrayList<>();
                    try {
                        mode = r.slabMode() == null
                                ? SlabMode.WHOLE
                                : SlabMode.valueOf(r.slabMode().toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        errors.add(new FieldError(f + ".slabMode", "must be WHOLE or MARGINAL"));
                    }
                    if (r.slabs() == null || r.slabs().isEmpty() || r.slabs().size() > 50) {
                        errors.add(new FieldError(f + ".slabs", "one to 50 slabs are required"));
                    } else {
                        long expect = 0;
                        for (int j = 0; j < r.slabs().size(); j++) {
                            SlabBody s = r.slabs().get(j);
                            String g = f + ".slabs[" + j + "]";
                            boolean last = j == r.slabs().size() - 1;
                            if (s == null || s.fromPaise() == null || s.fromPaise() != expect
                                    || (s.toPaise() == null && !last)
                                    || (s.toPaise() != null && s.toPaise() <= s.fromPaise())) {
                                errors.add(new FieldError(g, "slabs must start at 0, be contiguous and ascending;"
                                        + " only the last may be open"));
                                break;
                            }
                            if (!rate(s.ratePercent())) {
                                errors.add(new FieldError(g + ".ratePercent", "must be 0 to 100"));
                            }
                            slabs.add(new Slab(s.fromPaise(), s.toPaise(), s.ratePercent()));
                            expect = s.toPaise() == null ? -1 : s.toPaise();
                        }
                    }
                }
                default -> throw new IllegalStateException();
            }
            out.add(new Rule(kind, category, kind == RuleKind.PERCENT ? r.ratePercent() : null,
                    kind == RuleKind.FLAT ? r.amountPaise() : null, slabs, mode, r.capPaise()));
        }
        return out;
    }

    private static List<OverrideRate> overrides(List<OverrideBody> in, List<FieldError> errors) {
        List<OverrideRate> out = new ArrayList<>();
        if (in == null) {
            return out;
        }
        Set<Integer> levels = new HashSet<>();
        for (int i = 0; i < in.size(); i++) {
            OverrideBody o = in.get(i);
            String f = "overrides[" + i + "]";
            if (o == null || o.level() == null || o.level() < 1 || o.level() > 10 || !levels.add(o.level())) {
                errors.add(new FieldError(f + ".level", "must be 1 to 10, once each"));
                continue;
            }
            if (!rate(o.ratePercent())) {
                errors.add(new FieldError(f + ".ratePercent", "must be 0 to 100, at most 4 decimals"));
                continue;
            }
            out.add(new OverrideRate(o.level(), o.ratePercent()));
        }
        out.sort((a, b) -> Integer.compare(a.level(), b.level()));
        return out;
    }
}
