package io.cordon.media.ts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TsAlignerTest {
  private static byte[] packets(int count) {
    byte[] b = new byte[count * 188];
    for (int i = 0; i < count; i++) {
      b[i * 188] = 0x47;
      b[i * 188 + 1] = (byte) i;
    }
    return b;
  }

  @Test
  void arbitraryReadSizesComeOutAsWholePackets() {
    byte[] stream = packets(10);
    TsAligner aligner = new TsAligner();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int off = 0; off < stream.length; off += 77) {
      byte[] part = Arrays.copyOfRange(stream, off, Math.min(stream.length, off + 77));
      byte[] whole = aligner.accept(part, part.length);
      assertThat(whole.length % 188).isZero();
      out.writeBytes(whole);
    }
    assertThat(out.toByteArray()).isEqualTo(stream);
  }

  @Test
  void leadingGarbageIsSkippedUntilTheSyncByte() {
    byte[] stream = packets(3);
    byte[] withGarbage = new byte[stream.length + 5];
    System.arraycopy(stream, 0, withGarbage, 5, stream.length);
    TsAligner aligner = new TsAligner();

    assertThat(aligner.accept(withGarbage, withGarbage.length)).isEqualTo(stream);
    assertThat(aligner.droppedBytes()).isEqualTo(5);
  }
}
