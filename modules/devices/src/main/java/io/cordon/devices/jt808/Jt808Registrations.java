package io.cordon.devices.jt808;

/**
 * Issues and checks auth codes. Called on event-loop threads: implementations answer from memory
 * (a persistent one keeps a cache) and never block on I/O.
 */
public interface Jt808Registrations {

  /**
   * Registers a terminal.
   *
   * @return the 0x8100 result and, when it is 0, the auth code issued
   */
  RegistrationOutcome register(String terminalNumber, Jt808Message.Register registration);

  /** Whether the auth code is the one issued to this terminal. */
  boolean authenticate(String terminalNumber, String authCode);

  /** Voids the terminal's auth code (0x0003 unregister). */
  void unregister(String terminalNumber);

  /**
   * Answer to a register.
   *
   * @param result 0 ok, 1 vehicle already registered, 2 no such vehicle, 3 terminal already
   *     registered, 4 no such terminal
   * @param authCode the auth code issued when the result is 0, else empty
   */
  record RegistrationOutcome(int result, String authCode) {

    /** Registered with this auth code. */
    public static RegistrationOutcome registered(String authCode) {
      return new RegistrationOutcome(Jt808Message.RegisterResponse.OK, authCode);
    }

    /** Refused with a 0x8100 result code (1..4). */
    public static RegistrationOutcome refused(int result) {
      return new RegistrationOutcome(result, "");
    }
  }
}
