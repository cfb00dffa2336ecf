/**
 * Who is calling and what they may do: password login (Argon2id hashes), bearer sessions whose
 * tokens are stored only as hashes, and an interceptor that checks the caller's role per RPC
 * against one table ({@link io.cordon.server.auth.AccessPolicy}).
 */
package io.cordon.server.auth;
