package io.cordon.server.ops;

/** One device's answer to the health command. */
record DeviceCheck(String kind, String id, String name, boolean ok, String detail) {

  String line() {
    return String.format("%-4s %-8s %-14s %s — %s", ok ? "OK" : "FAIL", kind, id, name, detail);
  }
}
