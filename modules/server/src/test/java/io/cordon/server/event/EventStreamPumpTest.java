package io.cordon.server.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.Event;
import io.grpc.stub.ServerCallStreamObserver;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The pump on a journal in memory, a transport that is always ready and an executor run by hand. */
class EventStreamPumpTest {

  static final int EVENTS = EventStreamPump.PAGE_SIZE * EventStreamPump.PAGES_PER_TURN * 2 + 7;

  private final Queue<Runnable> tasks = new ArrayDeque<>();
  private final Executor byHand = tasks::add;
  private final ReadyTransport transport = new ReadyTransport();

  @Test
  void aStreamCatchingUpHandsItsThreadBackAfterAFewPages() {
    pump(journalOf(EVENTS)).start(new InProcessLiveEvents());

    tasks.poll().run();

    assertThat(transport.sent).hasSize(EventStreamPump.PAGE_SIZE * EventStreamPump.PAGES_PER_TURN);
    assertThat(tasks).as("the pump queued itself again").hasSize(1);
  }

  @Test
  void aStreamThatYieldedStillSendsEverythingInOrder() {
    pump(journalOf(EVENTS)).start(new InProcessLiveEvents());

    while (!tasks.isEmpty()) {
      tasks.poll().run();
    }

    assertThat(transport.sent).extracting(Event::getSeq)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, EVENTS).boxed().toList());
  }

  private EventStreamPump pump(EventJournal journal) {
    return new EventStreamPump(transport, journal, TypeFilter.ALL, 0, byHand, () -> {
    });
  }

  private static EventJournal journalOf(int count) {
    List<JournalEvent> events = new ArrayList<>();
    Instant t0 = Instant.parse("2026-11-25T08:00:00Z");
    for (int i = 1; i <= count; i++) {
      events.add(new JournalEvent(i, t0, t0, "sensor.heartbeat", List.of(), Optional.empty(), "hb",
          Map.of()));
    }
    return new EventJournal() {
      @Override
      public JournalEvent append(NewEvent event) {
        throw new UnsupportedOperationException();
      }

      @Override
      public JournalEvent appendOnce(String requestKey, NewEvent event) {
        throw new UnsupportedOperationException();
      }

      @Override
      public List<Appended> appendAll(List<JournalAppend> appends, TransactionWork extra) {
        throw new UnsupportedOperationException();
      }

      @Override
      public java.util.Map<String, Long> recordedSeqs(java.util.Collection<String> requestKeys) {
        throw new UnsupportedOperationException();
      }

      @Override
      public List<JournalEvent> readAfter(long afterSeq, TypeFilter types, int limit) {
        return events.stream().filter(e -> e.seq() > afterSeq && types.matches(e.type())).limit(limit).toList();
      }

      @Override
      public EventPage query(EventQuery query) {
        throw new UnsupportedOperationException();
      }

      @Override
      public long lastSeq() {
        return events.size();
      }
    };
  }

  /** A transport with room for everything: only the pump's own yielding can stop it. */
  private static final class ReadyTransport extends ServerCallStreamObserver<Event> {
    final List<Event> sent = new ArrayList<>();

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void onNext(Event value) {
      sent.add(value);
    }

    @Override
    public void onError(Throwable t) {
      throw new AssertionError("stream failed", t);
    }

    @Override
    public void onCompleted() {
    }

    @Override
    public boolean isCancelled() {
      return false;
    }

    @Override
    public void setOnCancelHandler(Runnable onCancelHandler) {
    }

    @Override
    public void setCompression(String compression) {
    }

    @Override
    public void setOnReadyHandler(Runnable onReadyHandler) {
    }

    @Override
    public void disableAutoInboundFlowControl() {
    }

    @Override
    public void request(int count) {
    }

    @Override
    public void setMessageCompression(boolean enable) {
    }
  }
}
