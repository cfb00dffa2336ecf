package io.cordon.server.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.Event;
import io.cordon.api.v1.EventServiceGrpc;
import io.cordon.api.v1.SubscribeRequest;
import io.cordon.server.TestServer;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A test client of EventService.Subscribe that collects what it receives. */
final class EventSubscriber implements ClientResponseObserver<SubscribeRequest, Event> {

  private final BlockingQueue<Event> received = new LinkedBlockingQueue<>();
  final CompletableFuture<Status> ended = new CompletableFuture<>();
  /** The error that ended the stream, with its status details (e.g. field violations). */
  final CompletableFuture<Throwable> failure = new CompletableFuture<>();
  private final boolean paused;
  private ClientCallStreamObserver<SubscribeRequest> call;

  private EventSubscriber(boolean paused) {
    this.paused = paused;
  }

  static EventSubscriber subscribe(Channel channel, String token, SubscribeRequest request) {
    return start(new EventSubscriber(false), channel, token, request);
  }

  /** A subscriber that reads nothing until {@link #request(int)} is called. */
  static EventSubscriber paused(Channel channel, String token, long fromSeq) {
    return start(new EventSubscriber(true), channel, token, SubscribeRequest.newBuilder().setFromSeq(fromSeq).build());
  }

  private static EventSubscriber start(EventSubscriber subscriber, Channel channel, String token,
      SubscribeRequest request) {
    EventServiceGrpc.newStub(channel).withDeadlineAfter(2, TimeUnit.MINUTES)
        .withCallCredentials(TestServer.bearer(token)).subscribe(request, subscriber);
    return subscriber;
  }

  static EventSubscriber fromSeq(Channel channel, String token, long fromSeq) {
    return subscribe(channel, token, SubscribeRequest.newBuilder().setFromSeq(fromSeq).build());
  }

  /** Waits for exactly the next {@code count} events (the wait is a hang guard, not a speed test). */
  List<Event> take(int count) throws InterruptedException {
    List<Event> events = new ArrayList<>();
    while (events.size() < count) {
      Event event = received.poll(30, TimeUnit.SECONDS);
      assertThat(event).as("event %d of %d (ended: %s)", events.size() + 1, count, ended.getNow(null)).isNotNull();
      events.add(event);
    }
    return events;
  }

  /** Events that arrived but were not taken, after a short pause for stragglers. */
  List<Event> extra() throws InterruptedException {
    Thread.sleep(300);
    List<Event> rest = new ArrayList<>();
    received.drainTo(rest);
    return rest;
  }

  void request(int count) {
    call.request(count);
  }

  void cancel() {
    call.cancel("test disconnects", null);
  }

  @Override
  public void beforeStart(ClientCallStreamObserver<SubscribeRequest> requestStream) {
    this.call = requestStream;
    if (paused) {
      requestStream.disableAutoRequestWithInitial(0);
    }
  }

  @Override
  public void onNext(Event value) {
    received.add(value);
  }

  @Override
  public void onError(Throwable t) {
    failure.complete(t);
    ended.complete(Status.fromThrowable(t));
  }

  @Override
  public void onCompleted() {
    ended.complete(Status.OK);
  }
}
