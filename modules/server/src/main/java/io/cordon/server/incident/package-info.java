/** Incidents: alarms grouped by a supervisor, reviewed on a timeline, closed and reported (issue 9). */
package io.cordon.server.incident;
