package io.cordon.client.event;

/** Where an event happened: WGS84 longitude and latitude in degrees. */
public record EventLocation(double lon, double lat) {}
