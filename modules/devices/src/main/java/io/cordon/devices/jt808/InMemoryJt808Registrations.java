package io.cordon.devices.jt808;

import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Auth codes kept in memory: every terminal may register, each registration issues a fresh random
 * code replacing the previous one. Codes are lost on restart; terminals then fail authentication
 * and register again, as the standard has them do.
 */
public final class InMemoryJt808Registrations implements Jt808Registrations {

  private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
  private static final int CODE_LENGTH = 16;

  private final SecureRandom random = new SecureRandom();
  private final Map<String, String> codes = new ConcurrentHashMap<>();

  @Override
  public RegistrationOutcome register(String terminalNumber, Jt808Message.Register registration) {
    String code = newCode();
    codes.put(terminalNumber, code);
    return RegistrationOutcome.registered(code);
  }

  @Override
  public boolean authenticate(String terminalNumber, String authCode) {
    String issued = codes.get(terminalNumber);
    return issued != null && issued.equals(authCode);
  }

  @Override
  public void unregister(String terminalNumber) {
    codes.remove(terminalNumber);
  }

  /** Puts a known code (a terminal registered elsewhere, tests). */
  public void put(String terminalNumber, String authCode) {
    codes.put(terminalNumber, authCode);
  }

  private String newCode() {
    char[] code = new char[CODE_LENGTH];
    for (int i = 0; i < code.length; i++) {
      code[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new String(code);
  }
}
