/**
 * The reference portal's own code: what a firm's deployment needs beyond the modules' jars, today the embedded
 * PostgreSQL that makes a plain {@code liberty:run} work on a machine with no database installed.
 */
package dev.seva.reference;
