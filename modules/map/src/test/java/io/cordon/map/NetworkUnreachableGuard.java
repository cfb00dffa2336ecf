package io.cordon.map;

import java.net.SocketPermission;
import java.security.Permission;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Makes the network unreachable for this JVM while installed: any attempt to resolve or connect
 * to a host other than loopback is recorded and refused, as in an offline monitoring room.
 * Uses the (deprecated, still working on Java 17) security manager because it is the one hook
 * every socket, URL connection and WebView request passes through.
 */
@SuppressWarnings("removal")
public final class NetworkUnreachableGuard extends SecurityManager implements AutoCloseable {
  private final List<String> attempts = new CopyOnWriteArrayList<>();
  private final SecurityManager previous;

  private NetworkUnreachableGuard() {
    previous = System.getSecurityManager();
  }

  public static NetworkUnreachableGuard install() {
    NetworkUnreachableGuard guard = new NetworkUnreachableGuard();
    System.setSecurityManager(guard);
    return guard;
  }

  /** Every host:port the code under test tried to reach. */
  public List<String> attempts() {
    return List.copyOf(attempts);
  }

  @Override
  public void checkPermission(Permission perm) {
    if (perm instanceof SocketPermission socket && !isLoopback(socket.getName())) {
      attempts.add(socket.getName() + " " + socket.getActions());
      throw new SecurityException("network unreachable (offline test): " + socket.getName());
    }
  }

  @Override
  public void checkPermission(Permission perm, Object context) {
    checkPermission(perm);
  }

  private static boolean isLoopback(String hostAndPort) {
    String host = hostAndPort.startsWith("[") ? hostAndPort.substring(1, hostAndPort.indexOf(']')) : hostAndPort.split(":")[0];
    return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("0:0:0:0:0:0:0:1");
  }

  @Override
  public void close() {
    System.setSecurityManager(previous);
  }
}
