/**
 * Indian business identifiers as value types: {@link dev.seva.sdk.identifiers.Pan},
 * {@link dev.seva.sdk.identifiers.Gstin} (with its check character), {@link dev.seva.sdk.identifiers.Cin} and
 * {@link dev.seva.sdk.identifiers.Llpin}. Each has a {@code parse} that normalises (trims, upper-cases) and throws
 * an {@link dev.seva.sdk.identifiers.InvalidIdentifierException} naming what is wrong. Pure JDK, no dependencies.
 */
package dev.seva.sdk.identifiers;
