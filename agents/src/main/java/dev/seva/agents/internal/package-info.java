/** Persistence and services of the agents module: not an API. */
package dev.seva.agents.internal;
