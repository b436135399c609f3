/**
 * Domain events modules exchange as CDI events (records). A module fires them; other modules observe them without
 * depending on the firing module ({@code agents} observes the payment events of {@code payments}).
 */
package dev.seva.sdk.events;
