package io.cordon.devices.jt808;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Reassembly of split messages: order, duplicates, timeouts and the byte cap. */
class SubpackageAssemblerTest {

  private static final long SECOND = 1_000_000_000L;

  private final AtomicLong clock = new AtomicLong();
  private final SubpackageAssembler assembler = new SubpackageAssembler(60 * SECOND, 1000, clock::get);

  private static Jt808Header packet(int serial, int total, int index) {
    return new Jt808Header(Jt808Message.LOCATION_BATCH, Jt808Dialect.V2013, Fixtures.TERMINAL_2013, serial, 0,
        new Jt808Subpackage(total, index), 1);
  }

  @Test
  void packetsInOrderJoinIntoTheWholeBody() throws MalformedBodyException {
    assertThat(assembler.offer(packet(10, 3, 1), new byte[] {1})).isNull();
    assertThat(assembler.offer(packet(11, 3, 2), new byte[] {2})).isNull();
    assertThat(assembler.offer(packet(12, 3, 3), new byte[] {3})).containsExactly(1, 2, 3);
    assertThat(assembler.pendingMessages()).isZero();
    assertThat(assembler.heldBytes()).isZero();
  }

  @Test
  void packetsOutOfOrderJoinInIndexOrder() throws MalformedBodyException {
    assertThat(assembler.offer(packet(12, 3, 3), new byte[] {3})).isNull();
    assertThat(assembler.offer(packet(10, 3, 1), new byte[] {1})).isNull();
    assertThat(assembler.offer(packet(11, 3, 2), new byte[] {2})).containsExactly(1, 2, 3);
  }

  @Test
  void aRepeatedPacketReplacesTheFirstCopy() throws MalformedBodyException {
    assembler.offer(packet(10, 2, 1), new byte[] {9});
    assembler.offer(packet(10, 2, 1), new byte[] {1});
    assertThat(assembler.offer(packet(11, 2, 2), new byte[] {2})).containsExactly(1, 2);
  }

  @Test
  void serialsWrapAroundWithinOneMessage() throws MalformedBodyException {
    assembler.offer(packet(65535, 2, 1), new byte[] {1});
    assertThat(assembler.offer(packet(0, 2, 2), new byte[] {2})).containsExactly(1, 2);
  }

  @Test
  void anIncompleteMessageExpiresAfterTheTimeout() throws MalformedBodyException {
    assembler.offer(packet(10, 2, 1), new byte[] {1});
    clock.addAndGet(61 * SECOND);
    assertThat(assembler.offer(packet(11, 2, 2), new byte[] {2})).isNull();
    assertThat(assembler.expired()).isEqualTo(1);
    assertThat(assembler.pendingMessages()).isEqualTo(1);
  }

  @Test
  void aMessageBeyondTheByteCapIsDropped() throws MalformedBodyException {
    assembler.offer(packet(10, 3, 1), new byte[600]);
    assertThatThrownBy(() -> assembler.offer(packet(11, 3, 2), new byte[600]))
        .isInstanceOf(MalformedBodyException.class);
    assertThat(assembler.heldBytes()).isZero();
  }

  @Test
  void impossibleSubpackageFieldsAreMalformed() {
    assertThatThrownBy(() -> assembler.offer(packet(10, 2, 3), new byte[1])).isInstanceOf(MalformedBodyException.class);
    assertThatThrownBy(() -> assembler.offer(packet(10, 0, 0), new byte[1])).isInstanceOf(MalformedBodyException.class);
  }

  @Test
  void manyUnfinishedMessagesEvictTheOldest() throws MalformedBodyException {
    for (int i = 0; i < SubpackageAssembler.MAX_MESSAGES + 5; i++) {
      assembler.offer(packet(i * 10, 65535, 1), new byte[1]);
    }
    assertThat(assembler.pendingMessages()).isEqualTo(SubpackageAssembler.MAX_MESSAGES);
    assertThat(assembler.heldBytes()).isEqualTo(SubpackageAssembler.MAX_MESSAGES);
  }
}
