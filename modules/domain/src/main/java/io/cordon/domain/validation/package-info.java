/**
 * Field errors and refusals shared by the registry, appointment, permit and violation features:
 * every problem names the field path it is about (e.g. {@code driver.certificates[0].expiresOn}),
 * so a server can turn them into per-field messages and an import into a per-row report.
 */
package io.cordon.domain.validation;
