package io.cordon.devices.jt808;

/** What the framing step makes of the bytes between two 0x7e delimiters. */
public sealed interface Jt808FrameResult permits Jt808Frame, Jt808BadFrame {
}
