package io.cordon.simulator.jt808;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.devices.jt808.AdditionalItem;
import io.cordon.devices.jt808.Jt808Dialect;
import io.cordon.devices.jt808.Jt808Encoder;
import io.cordon.devices.jt808.Jt808Message;
import io.cordon.devices.jt808.Location;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocationFrameWriterTest {

  private static final Location FIX = Location.of(Instant.parse("2026-11-25T23:59:58Z"), 31.9417, 120.9435, 27.4,
      271, 7, 1, Location.STATUS_ACC, List.of(AdditionalItem.mileageKm(12_345.6), AdditionalItem.signalStrength(0x7e),
          AdditionalItem.satellites(0x7d)));

  @ParameterizedTest
  @ValueSource(strings = {"V2013", "V2013_FLAGGED", "V2019"})
  void writesTheSameBytesAsTheDevicesEncoder(String dialectName) throws Exception {
    Jt808Dialect dialect = (Jt808Dialect) Jt808Dialect.class.getField(dialectName).get(null);
    ByteBuf out = Unpooled.buffer();

    new LocationFrameWriter(dialect, "013900000042").write(out, 0x7e7d, FIX);

    byte[] expected = Jt808Encoder.encode(new Jt808Message.LocationReport(FIX), dialect, "013900000042", 0x7e7d);
    assertThat(ByteBufUtil.getBytes(out)).isEqualTo(expected);
    assertThat(out.readableBytes()).isLessThanOrEqualTo(LocationFrameWriter.maxFrameBytes());
  }
}
