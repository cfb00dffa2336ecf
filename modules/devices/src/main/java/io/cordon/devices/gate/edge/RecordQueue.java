package io.cordon.devices.gate.edge;

import io.cordon.api.v1.AccessRecord;
import io.cordon.api.v1.AccessRecordBatch;
import io.cordon.api.v1.AgentMessage;
import io.cordon.api.v1.LoopPassage;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the agent decided or saw while it could not ask the server, waiting to be uploaded: access
 * records and loop passages nothing allowed. Each item is written (and forced to disk) to the
 * append-only {@code records.log} before the agent acts on it, so a crash loses nothing; a later
 * version of a record (its passage seen) is appended too and replaces the earlier one. Items leave
 * the queue only when the server acknowledged them ({@code acked.log}, one id a line); when the
 * queue is empty both files are truncated. Ids are "&lt;agent id&gt;-&lt;counter&gt;", the counter
 * going on from the largest id on disk and never below the wall clock in microseconds, so ids never
 * repeat even when the directory was lost.
 *
 * <p>Thread-safe (methods synchronise).
 */
public final class RecordQueue {

  private static final Logger log = LoggerFactory.getLogger(RecordQueue.class);
  static final String LOG = "records.log";
  static final String ACKED = "acked.log";

  /** A queued item: an access record or a loop passage. */
  public sealed interface Item permits RecordItem, PassageItem {
    String id();
  }

  public record RecordItem(AccessRecord record) implements Item {
    @Override
    public String id() {
      return record.getRecordId();
    }
  }

  public record PassageItem(LoopPassage passage) implements Item {
    @Override
    public String id() {
      return passage.getRequestId();
    }
  }

  private final Path dir;
  private final String prefix;
  private final Map<String, Item> pending = new LinkedHashMap<>();
  private long counter;

  public RecordQueue(Path dir, String agentId) {
    this.dir = dir;
    this.prefix = agentId + "-";
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
    long highest = load();
    counter = Math.max(highest, System.currentTimeMillis() * 1000);
  }

  /** A new id, never used before by this agent. */
  public synchronized String nextId() {
    return prefix + (++counter);
  }

  /** Persists a record (or a newer version of one) and queues it. */
  public synchronized void append(AccessRecord record) {
    write(AgentMessage.newBuilder().setRecords(AccessRecordBatch.newBuilder().addRecords(record)).build());
    pending.put(record.getRecordId(), new RecordItem(record));
  }

  /** Persists a passage to report later and queues it. */
  public synchronized void append(LoopPassage passage) {
    write(AgentMessage.newBuilder().setPassage(passage).build());
    pending.put(passage.getRequestId(), new PassageItem(passage));
  }

  /** The queued record with that id, if still pending. */
  public synchronized java.util.Optional<AccessRecord> record(String id) {
    return pending.get(id) instanceof RecordItem r ? java.util.Optional.of(r.record()) : java.util.Optional.empty();
  }

  /** Everything pending, oldest first. */
  public synchronized List<Item> pending() {
    return List.copyOf(pending.values());
  }

  public synchronized int size() {
    return pending.size();
  }

  /**
   * The oldest records ready to go, at most {@code max}, stopping at the first one not ready (so
   * the server receives them oldest first).
   */
  public synchronized List<AccessRecord> nextRecords(int max, Predicate<AccessRecord> ready) {
    List<AccessRecord> out = new ArrayList<>();
    for (Item item : pending.values()) {
      if (item instanceof RecordItem r) {
        if (!ready.test(r.record()) || out.size() >= max) {
          break;
        }
        out.add(r.record());
      }
    }
    return out;
  }

  /** The pending passages, oldest first. */
  public synchronized List<LoopPassage> passages() {
    return pending.values().stream().filter(PassageItem.class::isInstance)
        .map(i -> ((PassageItem) i).passage()).toList();
  }

  /** The server stored these (or had them already): they leave the queue, durably. */
  public synchronized void acknowledged(Collection<String> ids) {
    List<String> known = ids.stream().filter(pending::containsKey).toList();
    if (known.isEmpty()) {
      return;
    }
    try {
      Files.writeString(dir.resolve(ACKED), String.join("\n", known) + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE,
          StandardOpenOption.SYNC);
    } catch (IOException e) {
      // not removed then: the items are resent later and the server counts them as duplicates
      log.error("Cannot record acknowledged items in {}: {}", dir, e.toString());
      return;
    }
    known.forEach(pending::remove);
    if (pending.isEmpty()) {
      compact();
    }
  }

  private void compact() {
    try {
      // the log first: a crash in between leaves stale acked ids, which are harmless (ids never repeat)
      Files.write(dir.resolve(LOG), new byte[0], StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE, StandardOpenOption.SYNC);
      Files.write(dir.resolve(ACKED), new byte[0], StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    } catch (IOException e) {
      log.warn("Cannot compact the record queue in {}: {}", dir, e.toString());
    }
  }

  private void write(AgentMessage item) {
    try (FileChannel channel = FileChannel.open(dir.resolve(LOG), StandardOpenOption.CREATE,
        StandardOpenOption.APPEND, StandardOpenOption.WRITE);
         OutputStream out = Channels.newOutputStream(channel)) {
      item.writeDelimitedTo(out);
      out.flush();
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot persist an access record to " + dir.resolve(LOG), e);
    }
  }

  /** Reads the log and the acknowledgements; returns the largest counter seen. */
  private long load() {
    long highest = 0;
    Set<String> acked = new HashSet<>();
    Path ackedFile = dir.resolve(ACKED);
    try {
      if (Files.exists(ackedFile)) {
        for (String line : Files.readAllLines(ackedFile, StandardCharsets.UTF_8)) {
          if (!line.isBlank()) {
            acked.add(line.strip());
            highest = Math.max(highest, counterOf(line.strip()));
          }
        }
      }
      Path logFile = dir.resolve(LOG);
      if (Files.exists(logFile)) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(logFile))) {
          while (true) {
            AgentMessage m;
            try {
              m = AgentMessage.parseDelimitedFrom(in);
            } catch (IOException torn) {
              log.warn("The record log {} ends in a torn write; the items before it are kept", logFile);
              break; // a crash during the last append: that item's barrier never moved
            }
            if (m == null) {
              break;
            }
            Item item = m.hasPassage() ? new PassageItem(m.getPassage())
                : m.hasRecords() && m.getRecords().getRecordsCount() == 1
                    ? new RecordItem(m.getRecords().getRecords(0)) : null;
            if (item == null) {
              continue;
            }
            highest = Math.max(highest, counterOf(item.id()));
            if (!acked.contains(item.id())) {
              pending.put(item.id(), item);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the record queue in " + dir, e);
    }
    if (!pending.isEmpty()) {
      log.info("{} access records and passages wait for upload from {}", pending.size(), dir);
    }
    return highest;
  }

  private long counterOf(String id) {
    if (!id.startsWith(prefix)) {
      return 0;
    }
    try {
      return Long.parseLong(id.substring(prefix.length()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
