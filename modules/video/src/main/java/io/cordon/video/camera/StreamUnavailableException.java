package io.cordon.video.camera;

/** A stream cannot be played for a reason the operator should read, e.g. "relay refused: 403". */
public class StreamUnavailableException extends RuntimeException {
  public StreamUnavailableException(String operatorReason) {
    super(operatorReason);
  }
}
