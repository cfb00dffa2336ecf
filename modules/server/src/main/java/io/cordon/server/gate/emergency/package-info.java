/**
 * One-click emergency opening (guideline §5.2.9, §7.3): opens every emergency gate and, for an
 * evacuation, switches every other gate to evacuation mode, follows each gate's confirmation live
 * and restores the normal modes at the explicit end. Every step is a journal event ({@code
 * emergency.opened}, {@code gate.command}, {@code emergency.gate}, {@code emergency.ended}), so the
 * audit trail and the incident timeline show it, and the current emergency is rebuilt from the
 * journal when the server starts.
 */
package io.cordon.server.gate.emergency;
