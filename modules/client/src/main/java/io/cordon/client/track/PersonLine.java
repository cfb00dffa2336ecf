package io.cordon.client.track;

/** The driver or the escort as the panel shows them: name and phone (either may be empty). */
public record PersonLine(String personId, String name, String phone) {
  public static final PersonLine NONE = new PersonLine("", "", "");

  public boolean isEmpty() {
    return name.isEmpty() && phone.isEmpty();
  }

  /** "王师傅 13800001111". */
  public String text() {
    return phone.isEmpty() ? name : name.isEmpty() ? phone : name + " " + phone;
  }
}
