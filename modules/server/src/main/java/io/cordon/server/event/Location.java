package io.cordon.server.event;

/** A WGS84 position in degrees. */
public record Location(double lon, double lat) {
}
