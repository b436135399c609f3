package dev.seva.agents.internal;

import dev.seva.sdk.ErrorCode;
import dev.seva.sdk.SevaException;
import dev.seva.tenant.AuditTrail;
import dev.seva.tenant.Entities;
import dev.seva.tenant.EntityRef;
import dev.seva.tenant.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Converting a lead, in the caller's transaction: creates the entity (or links an existing one), makes the lead's
 * e-mail a client user of it, records the referring agent (the referrer, else the assigned agent) as the entity's,
 * fixed, and marks the lead CONVERTED. The lead's e-mail may have come from the anonymous referral form, so it joins
 * an <b>existing</b> entity only when staff name the role it joins as ({@code memberRole}); a new entity made from the
 * lead gets it as OWNER unless staff say otherwise.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class LeadConversion {

    private static final List<String> ROLES = List.of("OWNER", "MEMBER");

    @Inject
    Agents agents;

    @Inject
    Entities entities;

    @Inject
    Tenants tenants;

    @Inject
    AuditTrail audit;

    Leads.Converted convert(EntityManager em, LeadRecord l, Leads.Conversion body, String actor) {
        if (!Leads.OPEN.contains(l.stage)) {
            throw new SevaException(ErrorCode.LEAD_STAGE_INVALID, "The lead is " + l.stage + "; it is closed");
        }
        String role = body.memberRole() == null || body.memberRole().isBlank() ? null : body.memberRole().strip();
        if (role != null && !ROLES.contains(role)) {
            throw SevaException.invalidField("memberRole", "must be OWNER or MEMBER");
        }
        boolean existing = body.entityId() != null && !body.entityId().isBlank();
        if (existing && Boolean.TRUE.equals(body.createClientUser()) && role == null) {
            throw SevaException.invalidField("memberRole", "is required to add the lead's e-mail to an existing"
                    + " entity: MEMBER or OWNER");
        }
        boolean wantUser = !Boolean.FALSE.equals(body.createClientUser()) && (!existing || role != null);
        boolean asked = Boolean.TRUE.equals(body.createClientUser()) || (existing && role != null);
        if (wantUser && asked && l.email == null) {
            throw SevaException.invalidField(existing ? "memberRole" : "createClientUser",
                    "the lead has no e-mail address");
        }
        String entityId;
        if (existing) {
            entityId = entities.find(body.entityId().strip()).map(EntityRef::id).orElseThrow(
                    () -> SevaException.invalidField("entityId", "is not a business entity of this firm"));
        } else {
            Leads.EntityDraft e = body.entity();
            if (e == null) {
                throw SevaException.invalidField("entity", "is required without entityId");
            }
            entityId = entities.create(e.legalName(), e.type(), e.pan(), e.gstin(), e.state()).id();
        }
        String userId = null;
        if (wantUser && l.email != null) {
            userId = entities.linkClientUser(l.email, l.name, entityId, role == null ? "OWNER" : role);
        }
        String attributed = l.referredByAgentId != null ? l.referredByAgentId : l.agentId;
        if (attributed != null) {
            agents.attribute(attributed, new Agents.NewClient(entityId));
        }
        Leads.event(em, l.id, "STAGE", l.stage, "CONVERTED", "entity " + entityId + (userId == null
                ? ""
                : ", user " + userId + " as " + (role == null ? "OWNER" : role)), actor);
        l.stage = "CONVERTED";
        l.entityId = entityId;
        l.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        em.flush();
        audit.record(tenants.current().id(), "LEAD_CONVERTED", "lead", l.id,
                "entity " + entityId + ", user " + userId + ", agent " + attributed);
        return new Leads.Converted(Leads.view(em, l), entityId, userId);
    }
}
