/**
 * Benchmark support only: the baseline that {@code bench/tenancy.sh} compares Seva's tenancy against. Off unless
 * {@code seva.bench.enabled=true} (then 404 like any unknown path); never enable it in production.
 */
package dev.seva.reference.bench;
