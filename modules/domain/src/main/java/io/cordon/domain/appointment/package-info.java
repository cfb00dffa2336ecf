/**
 * Online appointments and approvals (guideline §5.2.1, §5.2.2.3–5.2.2.4, §5.2.7; proposal 000 §2.1):
 * each {@link io.cordon.domain.appointment.Application} is an explicit state machine
 * ({@link io.cordon.domain.appointment.Workflow}) whose commands return an
 * {@link io.cordon.domain.appointment.Outcome}. Lead times, review windows and required fields are
 * {@link io.cordon.domain.appointment.AppointmentRules}; automatic pre-checks run on submission,
 * before any reviewer looks.
 */
package io.cordon.domain.appointment;
