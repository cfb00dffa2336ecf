/** Alarms: severity, lifecycle, priority. */
package io.cordon.domain.alarm;
