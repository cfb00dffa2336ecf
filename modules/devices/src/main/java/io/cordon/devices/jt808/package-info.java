/**
 * JT/T 808 terminal gateway: hazardous-goods vehicles' positioning terminals talk to Cordon over
 * TCP in the JT/T 808 protocol (2011/2013 and 2019 editions).
 *
 * <p>The wire path is a chain of small steps: {@link io.cordon.devices.jt808.Jt808FrameDecoder}
 * cuts the stream at 0x7e, unescapes and hands each candidate to
 * {@link io.cordon.devices.jt808.Jt808FrameParser} (checksum, header, length consistency); a bad
 * frame is counted in {@link io.cordon.devices.jt808.Jt808Stats} and never closes the connection.
 * {@link io.cordon.devices.jt808.Jt808BodyDecoder} turns a good frame's body into a
 * {@link io.cordon.devices.jt808.Jt808Message}; {@link io.cordon.devices.jt808.Jt808Server} runs
 * the session (register, authenticate, acknowledge) and hands positions to a
 * {@link io.cordon.devices.jt808.Jt808PositionSink}, acknowledging a location only once the sink
 * has taken it. Types here are domain-free: terminal numbers, flags and units as the standard
 * defines them, times already converted from the frame's GMT+8 to UTC.
 *
 * <p>The encoder side ({@link io.cordon.devices.jt808.Jt808Encoder}) writes every message type of
 * this package in either edition, so the simulator and the benchmark can play terminals.
 */
package io.cordon.devices.jt808;
