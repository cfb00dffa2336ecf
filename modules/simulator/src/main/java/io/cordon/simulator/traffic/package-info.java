/**
 * Simulated vehicles driving the park's roads, reported once a second as one batch through the
 * device-facing {@code PositionIngestService}, exactly as a tracking gateway would. Hazardous
 * goods and waste vehicles keep to the hazmat-dedicated roads where the park has them, the others
 * to ordinary roads; nobody uses emergency roads unless nothing else exists. Speeds stay under
 * each road's limit.
 */
package io.cordon.simulator.traffic;
