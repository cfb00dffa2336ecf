/**
 * The server process: {@link io.cordon.server.ServerConfig}, {@link io.cordon.server.CordonServer}
 * (composition root) and {@link io.cordon.server.CordonServerMain}.
 */
package io.cordon.server;
