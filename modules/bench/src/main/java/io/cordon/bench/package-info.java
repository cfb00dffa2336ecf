/**
 * Benchmarks and load/latency mains (DESIGN §13), run by command and never during the build. Nothing
 * in the product depends on this module.
 */
package io.cordon.bench;
