/** Printable reports: signed incident reports (issue 9 point 6) and, later, statistics exports. */
package io.cordon.server.report;
