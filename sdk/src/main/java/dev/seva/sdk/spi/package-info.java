/**
 * Extension points (SPIs) of Seva. Each interface documents its lifecycle, threading and errors; the default
 * implementations are CDI beans in the modules, replaceable by a partner app with {@code @Alternative @Priority}.
 */
package dev.seva.sdk.spi;
