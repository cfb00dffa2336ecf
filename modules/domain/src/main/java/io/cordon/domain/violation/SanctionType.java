package io.cordon.domain.violation;

/** The sanctions the proposal's rules use. */
public enum SanctionType {
  /** 警告. */
  WARNING,
  /** 通报批评并责令限期整改. */
  REPRIMAND,
  /** 罚款, in yuan. */
  FINE,
  /** 限制入园: a blacklist entry for a period. */
  BAN,
  /** 要求立即驶离. */
  ORDER_TO_LEAVE,
  /** 责令加强安全教育. */
  SAFETY_EDUCATION,
  /** 照价赔偿. */
  COMPENSATION,
  /** 移交公安机关. */
  REFER_TO_POLICE
}
