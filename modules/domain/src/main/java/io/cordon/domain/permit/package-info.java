/**
 * Permits (电子通行证): what an approved application allows — who or which vehicle, through which gates
 * and lanes, into which zones (core zones only with explicit authorisation), when, and for dangerous
 * goods on which route — with revocation and the enterprise's exit confirmation.
 */
package io.cordon.domain.permit;
