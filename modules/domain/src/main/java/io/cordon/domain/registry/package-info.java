/**
 * The park's registry (人员与车辆基础信息, guideline §5.2.2.2–5.2.2.3): enterprises with contacts and
 * loading points, people with their certificates, vehicles with their transport permits. Each
 * {@code *Form} holds input as typed (a form, an import row) and validates into the registered value
 * or a refusal listing every problem with its field path.
 */
package io.cordon.domain.registry;
