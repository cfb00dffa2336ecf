package io.cordon.server.gate.access;

import com.google.protobuf.util.Timestamps;
import com.google.rpc.Code;
import io.cordon.api.v1.EnterprisePresence;
import io.cordon.api.v1.GateStatus;
import io.cordon.api.v1.InsideEntry;
import io.cordon.api.v1.ListAccessRecordsRequest;
import io.cordon.api.v1.ListAccessRecordsResponse;
import io.cordon.api.v1.ListInsideRequest;
import io.cordon.api.v1.ListInsideResponse;
import io.cordon.api.v1.PresenceSummary;
import io.cordon.devices.gate.FieldViolations;
import io.cordon.domain.gate.access.EnterpriseCount;
import io.cordon.domain.gate.access.Holder;
import io.cordon.domain.gate.access.InsideHolder;
import io.cordon.domain.gate.access.ParkOccupancy;
import io.cordon.domain.park.EnterpriseId;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.GateId;
import io.cordon.domain.park.Park;
import io.cordon.domain.vehicle.VehicleClass;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The client-facing reads of gate access for {@code GateService}: access records, presence counts,
 * who is inside, and the lanes and agent of each gate for ListStates. Each method checks its request
 * and throws a gRPC status with field violations for a bad one.
 */
public final class GateAccessQueries {

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 500;
  static final int DEFAULT_PAGE = 200;
  static final int MAX_PAGE = 1_000;

  private final Park park;
  private final AccessStore store;
  private final PresenceBook presence;
  private final AccessIndex index;
  private final GateBoard board;
  private final Clock clock;

  GateAccessQueries(Park park, AccessStore store, PresenceBook presence, AccessIndex index, GateBoard board,
      Clock clock) {
    this.park = park;
    this.store = store;
    this.presence = presence;
    this.index = index;
    this.board = board;
    this.clock = clock;
  }

  public ListAccessRecordsResponse listAccessRecords(ListAccessRecordsRequest request) {
    FieldViolations v = new FieldViolations();
    for (int i = 0; i < request.getGateIdsCount(); i++) {
      if (park.gate(new GateId(request.getGateIds(i))).isEmpty()) {
        v.add("gate_ids[" + i + "]", "is not a gate of the park");
      }
    }
    if (!request.getLaneId().isEmpty() && request.getGateIdsCount() != 1) {
      v.add("lane_id", "needs exactly one gate in gate_ids");
    }
    v.checkOptionalText("holder", request.getHolder(), 64).checkOptionalText("lane_id", request.getLaneId(), 64);
    if (request.getLimit() > MAX_LIMIT) {
      v.add("limit", "must be 1.." + MAX_LIMIT);
    }
    if (request.hasFrom() && !Timestamps.isValid(request.getFrom())) {
      v.add("from", "is not a valid timestamp");
    }
    if (request.hasTo() && !Timestamps.isValid(request.getTo())) {
      v.add("to", "is not a valid timestamp");
    }
    if (request.getOutcome() == io.cordon.api.v1.AccessOutcomeFilter.UNRECOGNIZED) {
      v.add("outcome", "is not a known filter");
    }
    if (!v.isEmpty()) {
      throw v.toException(Code.INVALID_ARGUMENT, "invalid access record query");
    }
    Instant to = request.hasTo() ? instant(request.getTo()) : clock.instant().plusSeconds(1);
    Optional<Instant> from = request.hasFrom() ? Optional.of(instant(request.getFrom())) : Optional.empty();
    int limit = request.getLimit() == 0 ? DEFAULT_LIMIT : request.getLimit();
    return ListAccessRecordsResponse.newBuilder().addAllRecords(store.query(new AccessStore.AccessQuery(
        request.getGateIdsList(), request.getLaneId(), request.getHolder(), from, to, request.getOutcome(), limit)))
        .build();
  }

  public PresenceSummary presence() {
    ParkOccupancy o = presence.occupancy();
    PresenceSummary.Builder summary = PresenceSummary.newBuilder().setPeople(o.people()).setVehicles(o.vehicles())
        .setUnknown(o.unknown()).setAsOf(AccessStore.ts(clock.instant()));
    for (Map.Entry<VehicleClass, Integer> c : o.vehiclesByClass().entrySet()) {
      summary.putVehiclesByClass(c.getKey().name(), c.getValue());
    }
    summary.putVehiclesByClass(PresenceRow.UNKNOWN, (int) o.inside().stream()
        .filter(i -> i.holder() instanceof Holder.Unknown u && u.seenClass().isPresent()).count());
    List<Map.Entry<EnterpriseId, EnterpriseCount>> enterprises = new ArrayList<>(o.byEnterprise().entrySet());
    enterprises.sort(Comparator.comparing((Map.Entry<EnterpriseId, EnterpriseCount> e) ->
        -(e.getValue().people() + e.getValue().vehicles())).thenComparing(e -> e.getKey().value()));
    for (Map.Entry<EnterpriseId, EnterpriseCount> e : enterprises) {
      summary.addEnterprises(EnterprisePresence.newBuilder().setEnterpriseId(e.getKey().value())
          .setName(index.enterpriseName(e.getKey().value()).orElse("")).setPeople(e.getValue().people())
          .setVehicles(e.getValue().vehicles()));
    }
    return summary.build();
  }

  public ListInsideResponse listInside(ListInsideRequest request) {
    FieldViolations v = new FieldViolations();
    String kind = request.getKind();
    if (!kind.isEmpty() && !kind.equals("PERSON") && !kind.equals("VEHICLE")) {
      v.add("kind", "must be empty, PERSON or VEHICLE");
    }
    if (request.getPageSize() > MAX_PAGE) {
      v.add("page_size", "must be 1.." + MAX_PAGE);
    }
    int offset = 0;
    if (!request.getPageToken().isEmpty()) {
      try {
        offset = Integer.parseInt(request.getPageToken());
        if (offset < 0) {
          v.add("page_token", "is not a token this server gave");
        }
      } catch (NumberFormatException e) {
        v.add("page_token", "is not a token this server gave");
      }
    }
    v.checkOptionalText("enterprise_id", request.getEnterpriseId(), 40);
    if (!v.isEmpty()) {
      throw v.toException(Code.INVALID_ARGUMENT, "invalid inside query");
    }
    List<InsideHolder> inside = presence.occupancy().inside().stream()
        .filter(i -> kind.isEmpty() || (kind.equals("PERSON") ? i.holder() instanceof Holder.Person
            : !(i.holder() instanceof Holder.Person)))
        .filter(i -> request.getEnterpriseId().isEmpty()
            || i.holder().enterprise().map(e -> e.value().equals(request.getEnterpriseId())).orElse(false))
        .toList();
    int size = request.getPageSize() == 0 ? DEFAULT_PAGE : request.getPageSize();
    ListInsideResponse.Builder response = ListInsideResponse.newBuilder().setTotal(inside.size());
    for (int i = Math.max(0, offset); i < Math.min(inside.size(), offset + size); i++) {
      response.addEntries(entry(inside.get(i)));
    }
    if (offset + size < inside.size()) {
      response.setNextPageToken(Integer.toString(offset + size));
    }
    return response.build();
  }

  private InsideEntry entry(InsideHolder inside) {
    Holder holder = inside.holder();
    InsideEntry.Builder e = InsideEntry.newBuilder().setHolder(PresenceRow.idOf(holder))
        .setHolderClass(PresenceRow.classOf(holder)).setEnterpriseId(holder.enterprise().map(x -> x.value()).orElse(""))
        .setGateId(inside.gate().value()).setSince(AccessStore.ts(inside.since()));
    if (holder instanceof Holder.Person p) {
      index.person(p.id().value()).ifPresent(info -> e.setName(info.name()).setPhone(info.phone()));
    } else if (holder instanceof Holder.Vehicle v) {
      e.setName(v.plate().value());
    } else {
      e.setHolderClass(PresenceRow.UNKNOWN);
    }
    return e.build();
  }

  /** Adds the gate's lanes, mode and agent to its ListStates entry. */
  public void describe(Gate gate, GateStatus.Builder status) {
    board.describe(gate, status);
  }

  private static Instant instant(com.google.protobuf.Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }
}
