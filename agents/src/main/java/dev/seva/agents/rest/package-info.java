/** The agents module's REST resources under {@code /api/v1}: agents, commission plans, ledger and statements. */
package dev.seva.agents.rest;
