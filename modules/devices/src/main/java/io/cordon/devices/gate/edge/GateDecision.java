package io.cordon.devices.gate.edge;

/**
 * The decision the agent carried out for one identification.
 *
 * @param rule the AccessRule code that decided
 * @param recordId the access record: the server's (online) or the agent's own (offline)
 * @param offline true when the agent decided alone (server unreachable or too slow)
 */
public record GateDecision(String requestId, boolean pass, String rule, String detail, String ledText,
    String voicePhrase, String permitId, String recordId, String holderName, String holderClass, boolean offline) {
}
