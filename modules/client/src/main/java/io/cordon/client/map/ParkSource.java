package io.cordon.client.map;

import io.cordon.api.v1.Park;
import java.util.concurrent.CompletableFuture;

/** Where the park plan comes from (the server's ParkService). */
@FunctionalInterface
public interface ParkSource {
  CompletableFuture<Park> fetchPark();
}
