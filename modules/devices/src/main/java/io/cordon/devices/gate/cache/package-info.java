/**
 * The signed cache of the gate agents (issue 7, guideline §5.2.9): the server signs each cache chunk
 * with SM2 over SM3 (GM/T 0003, default user id) and the agent verifies it against the key it pinned
 * before using any of it. {@link io.cordon.devices.gate.cache.Sm2Keys} makes, encodes and stores the
 * key pairs; {@link io.cordon.devices.gate.cache.CacheSigner} signs; {@link
 * io.cordon.devices.gate.cache.CacheVerifier} verifies.
 */
package io.cordon.devices.gate.cache;
