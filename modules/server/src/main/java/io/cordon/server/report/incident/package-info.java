/**
 * The signed incident report (issue 9 point 6): a PDF with the summary, the alarms, a map snapshot, the
 * timeline, key frames from the recordings, operator actions and SOP outcomes, signed by recording its SHA-256
 * in the journal ({@code report.signed}) and in {@code report_signature}; and the export of an incident's clips.
 */
package io.cordon.server.report.incident;
