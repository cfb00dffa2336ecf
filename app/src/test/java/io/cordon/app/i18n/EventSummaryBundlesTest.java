package io.cordon.app.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.Event;
import io.cordon.api.v1.SubjectRef;
import io.cordon.client.event.EventDescriptions;
import io.cordon.client.event.EventRow;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every journal event type the server writes reads as a sentence of the operator's language, in
 * the event list and the timeline (both through {@link EventDescriptions}), never as the server's
 * English summary.
 */
class EventSummaryBundlesTest {
  private static final ResourceBundle CHINESE = I18n.load(I18n.CHINESE);
  private static final ResourceBundle ENGLISH = I18n.load(I18n.ENGLISH);
  private static final String SERVER_WORDS = "server words";
  /** A Latin word in a Chinese sentence: untranslated, unless it is one of the sample's ids (at most two letters). */
  private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{3,}");

  /**
   * The server's classes that name journal event types in String constants (some package-private,
   * hence read by name and reflection: the app does not depend on server internals), and where the
   * types of {@link #catalogue()} are written inline.
   */
  private static final List<String> TYPE_CONSTANT_HOLDERS = List.of(
      "io.cordon.server.gate.GateEvents",
      "io.cordon.server.gate.access.AccessEvents",
      "io.cordon.server.gate.emergency.EmergencyEvents",
      "io.cordon.server.incident.IncidentEvents",
      "io.cordon.server.report.incident.SignedIncidentReportDesk",
      "io.cordon.server.alarm.CenterAlarmReportSink",
      "io.cordon.server.track.trip.TripEvents",
      "io.cordon.server.track.jt808.TrackEventPublisher");
  private static final Pattern EVENT_TYPE = Pattern.compile("[a-z]+\\.[a-z_]+");

  /**
   * One sample of every type the server journals, with its Chinese sentence. Types written inline
   * rather than as constants: {@code alarm.*} (AlarmJournalEvents, one per domain Alarm action),
   * {@code application.*} (RegistrationEvents.TYPES and reviewOverdue), {@code permit.*},
   * {@code registry.*}, {@code violation.*}, {@code blacklist.*}, {@code appeal.*} (the callers of
   * RegistrationEvents in registration/), {@code reviewer.departments_set} (ReviewGrpcService),
   * {@code recording.*} (RecordingGrpcService, RecordingModule).
   */
  static Stream<Sample> catalogue() {
    return Stream.of(
        sample("sensor.heartbeat", "传感器 S-0034 心跳（周界段 SG-03）",
            "@sensor=S-0034", "@segment=SG-03", "sensor_type=INFRARED"),
        sample("sensor.intrusion", "传感器 S-0034 检测到入侵（周界段 SG-03，红外对射）",
            "@sensor=S-0034", "@segment=SG-03", "sensor_type=INFRARED"),
        sample("sensor.fault", "传感器 S-0034 故障（周界段 SG-03，红外对射）",
            "@sensor=S-0034", "@segment=SG-03", "sensor_type=INFRARED"),
        sample("sensor.tamper", "传感器 S-0034 防拆报警（周界段 SG-03，红外对射）",
            "@sensor=S-0034", "@segment=SG-03", "sensor_type=INFRARED"),

        alarm("report", "传感器 S-0034 上报周界入侵"),
        alarm("raised", "A-000012 周界入侵 报警（重要）"),
        alarm("repeat", "A-000012 周界入侵 重复触发，共 3 次"),
        alarm("held", "传感器 S-0034 的周界入侵报警已暂停处理（报警源暂停中）"),
        alarm("acknowledge", "A-000012 周界入侵 已接警（张伟）"),
        alarm("dispatch", "A-000012 周界入侵 已派警（张伟）"),
        alarm("on_site", "A-000012 周界入侵 已到场（张伟）"),
        alarm("resolve", "A-000012 周界入侵 已处置（张伟）"),
        alarm("close", "A-000012 周界入侵 已关闭（张伟）"),
        alarm("escalate", "A-000012 周界入侵 超时未接警，已升级至值班长"),
        alarm("forward", "A-000012 周界入侵 已转发（张伟）"),
        alarm("sop_answer", "A-000012 周界入侵 完成处置步骤（张伟）"),
        alarm("sop_skip", "A-000012 周界入侵 跳过处置步骤（张伟）"),
        alarm("auto_acknowledge", "A-000012 周界入侵 已自动确认"),
        alarm("snooze", "传感器 S-0034 暂停报警至 11-25 10:30（张伟）"),
        alarm("unsnooze", "传感器 S-0034 恢复报警（张伟）"),

        sample("gate.state", "卡口 G5 已开启", "@gate=G5", "state=OPEN", "previous=CLOSED"),
        sample("gate.command", "张伟 下令开启卡口 G5：消防演练",
            "@gate=G5", "@user=张伟", "action=OPEN", "user=张伟", "reason=消防演练"),
        sample("gate.access", "卡口 G5/L1 入园放行：苏E12345（通行证有效）",
            "@gate=G5", "@vehicle=苏E12345", "@permit=PT-01", "lane=L1", "direction=ENTRY", "passed=true",
            "rule=PERMIT_VALID", "offline=false"),
        sample("gate.passage", "卡口 G5/L1 出园通行：苏E12345",
            "@gate=G5", "@vehicle=苏E12345", "lane=L1", "direction=EXIT"),
        sample("gate.forced", "卡口 G5/L1 闯卡（入园）",
            "@gate=G5", "lane=L1", "direction=ENTRY", "passed=false", "rule=FORCED"),
        sample("gate.tailgate", "卡口 G5/L1 尾随通行（入园）：苏E12345",
            "@gate=G5", "@vehicle=苏E12345", "lane=L1", "direction=ENTRY", "passed=false", "rule=TAILGATE"),
        sample("gate.barrier", "卡口 G5/L1 道闸开启（原为关闭）",
            "@gate=G5", "lane=L1", "state=OPEN", "previous=CLOSED", "agent=AG5"),
        sample("gate.fault", "卡口 G5/L1 道闸故障（代码 42）：电机过热",
            "@gate=G5", "lane=L1", "device=barrier", "code=42", "detail=电机过热", "cleared=false", "agent=AG5"),
        sample("gate.agent", "卡口 G5 的终端 AG5 已连接", "@gate=G5", "agent=AG5", "state=connected"),
        sample("gate.command_result", "卡口 G5 已执行指令 #42", "@gate=G5", "command_seq=42", "done=true",
            "agent=AG5"),

        sample("emergency.opened", "张伟、李娜 启动应急 E-0003（仅开启应急卡口）：3号罐区泄漏",
            "@emergency=E-0003", "@user=张伟", "@user=李娜", "emergency_id=E-0003", "user=张伟",
            "second_person=李娜", "reason=3号罐区泄漏", "scope=EMERGENCY_GATES"),
        sample("emergency.gate", "应急 E-0003：卡口 G5 已确认开启",
            "@gate=G5", "@emergency=E-0003", "emergency_id=E-0003", "state=CONFIRMED", "action=HOLD_OPEN",
            "command_seq=42", "attempts=1", "detail="),
        sample("emergency.ended", "张伟 结束应急 E-0003，卡口恢复正常模式：险情已排除",
            "@emergency=E-0003", "@user=张伟", "emergency_id=E-0003", "user=张伟", "reason=险情已排除"),

        sample("incident.created", "张伟 新建事件 I-0001：3号罐区泄漏",
            "@incident=I-0001", "@user=张伟", "title=3号罐区泄漏", "alarm_ids=A-000012", "by=张伟"),
        sample("incident.alarms_added", "张伟 将报警 A-000012,A-000013 加入事件 I-0001",
            "@incident=I-0001", "@user=张伟", "alarm_ids=A-000012,A-000013", "by=张伟"),
        sample("incident.closed", "张伟 将事件 I-0001 结案：泄漏已封堵",
            "@incident=I-0001", "@user=张伟", "conclusion=泄漏已封堵", "by=张伟"),
        sample("report.signed", "张伟 签发事件 I-0001 的处置报告 I-0001-1125",
            "@incident=I-0001", "@user=张伟", "sha256=0123", "file_name=I-0001-1125", "locale=zh-CN"),
        sample("recording.evidence_released", "张伟 解除报警 A-000012 的录像证据保留：误报",
            "@alarm=A-000012", "@user=张伟", "alarm_id=A-000012", "by=张伟", "reason=误报"),
        sample("recording.disk_full",
            "录像磁盘剩余空间低于下限（剩余 1000 字节，下限 2000 字节），仅剩 7 个受保护片段，录像可能中断",
            "@system=recording", "free_bytes=1000", "floor_bytes=2000", "protected_segments=7"),

        application("drafted", "张伟 起草申请 AP-01（访客）"),
        application("edited", "张伟 修改申请 AP-01（访客）"),
        application("submitted", "张伟 提交申请 AP-01（访客）"),
        application("auto_rejected", "申请 AP-01（访客）未通过自动核验，已驳回：车辆证件过期", "by=system",
            "reasons=车辆证件过期"),
        application("confirmed", "张伟 确认申请 AP-01（访客），转入初审：同意"),
        application("declined", "张伟 拒绝确认申请 AP-01（访客），已退回：人员不符", "reasons=人员不符"),
        application("first_review_passed", "张伟 初审通过申请 AP-01（访客），转入联合复审：同意"),
        application("approved", "申请 AP-01（访客）已批准（张伟）：同意"),
        application("joint_agreed", "张伟 复审同意申请 AP-01（访客）：同意"),
        application("joint_objected", "张伟 对申请 AP-01（访客）提出复审异议，已退回：路线不符", "reasons=路线不符"),
        application("returned", "张伟 退回申请 AP-01（访客）：材料不全", "reasons=材料不全"),
        application("rejected", "张伟 驳回申请 AP-01（访客）：材料不全", "reasons=材料不全"),
        application("withdrawn", "张伟 撤回申请 AP-01（访客）：同意"),
        application("expired", "申请 AP-01（访客）已过期", "by=system"),
        sample("application.review_overdue", "申请 AP-01（访客）初审超时未处理，等待安全管理部",
            "@application=AP-01", "@enterprise=EN-01", "application_id=AP-01", "kind=VISITOR",
            "state=UNDER_REVIEW", "step=first_review", "pending_departments=SAFETY"),

        permit("issued", "通行证 PT-01 已签发（申请 AP-01）：苏E12345"),
        permit("revoked", "张伟 撤销通行证 PT-01：违规"),
        permit("exit_requested", "张伟 为通行证 PT-01 申请出园：违规"),
        permit("exit_confirmed", "张伟 确认通行证 PT-01 可出园：违规"),

        sample("registry.enterprise_saved", "张伟 保存企业档案 EN-01",
            "@enterprise=EN-01", "@user=张伟", "enterprise_id=EN-01", "by=张伟"),
        sample("registry.person_saved", "张伟 保存人员档案 P-01",
            "@person=P-01", "@enterprise=EN-01", "@user=张伟", "person_id=P-01", "by=张伟"),
        sample("registry.vehicle_saved", "张伟 保存车辆档案 苏E12345",
            "@vehicle=苏E12345", "@user=张伟", "vehicle_id=苏E12345", "by=张伟"),
        sample("registry.imported", "张伟 导入车辆档案：新增 12，更新 3",
            "@user=张伟", "kind=vehicles", "created=12", "updated=3", "by=张伟"),
        sample("reviewer.departments_set", "审核人 李娜 的审核部门已设置：安全管理部，环保部门",
            "@user=李娜", "@user=张伟", "username=李娜", "departments=SAFETY,ENVIRONMENTAL_PROTECTION"),

        sample("violation.recorded", "张伟 登记违规 V-01：闯卡（第 2 次）",
            "@violation=V-01", "@vehicle=苏E12345", "@user=张伟", "violation_id=V-01", "kind=FORCING_GATE",
            "occurrence=2", "serious=false", "sanctions=", "evidence=1", "by=张伟"),
        sample("violation.overturned", "违规 V-01（闯卡）经申诉撤销（张伟）",
            "@violation=V-01", "@vehicle=苏E12345", "@user=张伟", "violation_id=V-01", "kind=FORCING_GATE",
            "occurrence=2", "by=张伟"),
        sample("blacklist.added", "车辆 苏E12345 列入黑名单（至 11-25 10:30）：闯卡",
            "@blacklist=BL-01", "@vehicle=苏E12345", "@user=张伟", "entry_id=BL-01", "subject_kind=VEHICLE",
            "subject_id=苏E12345", "from=2026-11-01T00:00:00Z", "until=2026-11-25T02:30:00Z", "reason=闯卡",
            "by=张伟"),
        sample("blacklist.lifted", "车辆 苏E12345 移出黑名单（张伟）：申诉成立",
            "@blacklist=BL-01", "@vehicle=苏E12345", "@user=张伟", "entry_id=BL-01", "subject_kind=VEHICLE",
            "subject_id=苏E12345", "reason=申诉成立", "by=张伟"),
        sample("blacklist.expired", "车辆 苏E12345 的黑名单条目 BL-01 已到期",
            "@blacklist=BL-01", "@vehicle=苏E12345", "entry_id=BL-01", "subject_kind=VEHICLE",
            "subject_id=苏E12345", "reason=闯卡", "by=system"),
        sample("appeal.filed", "张伟 对违规 V-01 提出申诉 AL-01：系误判",
            "@appeal=AL-01", "@violation=V-01", "@user=张伟", "appeal_id=AL-01", "violation_id=V-01",
            "state=FILED", "by=张伟", "text=系误判"),
        sample("appeal.granted", "申诉 AL-01 成立，撤销违规 V-01 的处罚（李娜）：视频证实",
            "@appeal=AL-01", "@violation=V-01", "@user=李娜", "appeal_id=AL-01", "violation_id=V-01",
            "state=GRANTED", "by=李娜", "text=视频证实"),
        sample("appeal.dismissed", "申诉 AL-01 驳回，维持违规 V-01 的处罚（李娜）",
            "@appeal=AL-01", "@violation=V-01", "@user=李娜", "appeal_id=AL-01", "violation_id=V-01",
            "state=DISMISSED", "by=李娜", "text="),

        trip("terminal_issued", "卡口 G5 向 苏E12345 发放定位终端 13800001111", "gate_id=G5"),
        trip("terminal_returned", "卡口 G5 回收 苏E12345 的定位终端 13800001111", "gate_id=G5"),
        trip("own_terminal_saved", "张伟 登记 苏E12345 的自带定位终端 13800001111"),
        trip("own_terminal_removed", "张伟 解除 苏E12345 的自带定位终端 13800001111"),
        trip("trip_opened", "苏E12345 行程开始（自带终端 13800001111，通行证 PT-01）", "permit_id=PT-01",
            "own_terminal=true"),
        trip("trip_closed", "苏E12345 行程结束（自带终端 13800001111）", "own_terminal=true"),
        sample("track.loading_point_free", "企业 EN-01 的装卸点 LP-2 空闲（张伟）",
            "@parking_lot=PL-1", "@enterprise=EN-01", "lot_id=PL-1", "enterprise_id=EN-01", "loading_point=LP-2",
            "by=张伟"),
        sample("track.violation_started", "苏E12345 超速：纬二路",
            "@vehicle=苏E12345", "@alarm=A-000012", "plate=苏E12345", "rule=OVERSPEED", "place=纬二路",
            "speed_kmh=58", "limit_kmh=40", "alarm_id=A-000012", "detail=超速 58 km/h（阈值 44）@纬二路: 58 km/h"),
        sample("track.violation_ended", "苏E12345 停车场超时停留结束：危化品停车场",
            "@vehicle=苏E12345", "plate=苏E12345", "rule=LOT_OVERSTAY", "place=危化品停车场", "alarm_id="),
        lot("lot_entered", "苏E12345 驶入危化品停车场（3/20）", "plate=苏E12345"),
        lot("lot_exited", "苏E12345 驶离危化品停车场（3/20）", "plate=苏E12345", "stayed_s=600"),
        lot("lot_released", "苏E12345 放行前往装卸点 EN-01/LP-2", "plate=苏E12345", "enterprise_id=EN-01",
            "loading_point=LP-2"),
        lot("lot_loading_point_left", "苏E12345 驶离装卸点 EN-01/LP-2，放行下一辆", "plate=苏E12345",
            "enterprise_id=EN-01", "loading_point=LP-2"),
        lot("lot_left_out_of_turn", "苏E12345 未经放行驶离危化品停车场", "plate=苏E12345"),
        lot("lot_overflow_started", "危化品停车场超出容量（3/20）"),
        lot("lot_overflow_ended", "危化品停车场恢复容量内（3/20）"));
  }

  @ParameterizedTest
  @MethodSource("catalogue")
  void everyTypeReadsAsAChineseSentence(Sample sample) {
    assertThat(descriptions(CHINESE).summary(sample.row())).as(sample.type()).isEqualTo(sample.chinese());
  }

  @ParameterizedTest
  @MethodSource("catalogue")
  void everyTypeHasANameAndASummaryInBothLanguages(Sample sample) {
    for (ResourceBundle bundle : List.of(CHINESE, ENGLISH)) {
      String type = sample.type();
      assertThat(bundle.containsKey("event.type." + type)).as(type + " name in " + bundle.getLocale()).isTrue();
      String summaryKey = type.equals("gate.command") ? "event.summary.gate.command.OPEN" : "event.summary." + type;
      assertThat(bundle.containsKey(summaryKey)).as(type + " summary in " + bundle.getLocale()).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("catalogue")
  void theEnglishSentenceIsTheClientsWithEveryArgumentFilledIn(Sample sample) {
    String english = descriptions(ENGLISH).summary(sample.row());
    assertThat(english).as(sample.type())
        .isNotEqualTo(SERVER_WORDS)
        .doesNotContain("{", "}", "event.summary", "event.value", "null");
  }

  @ParameterizedTest
  @MethodSource("catalogue")
  void noChineseSentenceKeepsAnEnglishWord(Sample sample) {
    String chinese = descriptions(CHINESE).summary(sample.row());
    assertThat(LATIN_WORD.matcher(chinese).results().map(r -> r.group()).toList()).as(sample.type() + ": " + chinese)
        .isEmpty();
  }

  @Test
  void everyGateCommandActionHasASentenceInBothLanguages() {
    for (String action : List.of("OPEN", "CLOSE", "HOLD_OPEN", "SET_MODE")) {
      for (ResourceBundle bundle : List.of(CHINESE, ENGLISH)) {
        assertThat(bundle.containsKey("event.summary.gate.command." + action)).as(action + " in " + bundle.getLocale())
            .isTrue();
      }
    }
  }

  @Test
  void anEvacuationCommandNamesTheModeAndTheLaneStaysOptional() {
    EventRow mode = sample("gate.command", "", "@gate=G5", "@user=张伟", "action=SET_MODE", "mode=EVACUATION",
        "user=张伟", "reason=疏散", "emergency_id=E-0003").row();
    assertThat(descriptions(CHINESE).summary(mode)).isEqualTo("张伟 下令卡口 G5 切换模式（疏散模式）：疏散");
    EventRow hold = sample("gate.command", "", "@gate=G5", "@user=张伟", "action=HOLD_OPEN", "lane=L2",
        "user=张伟", "reason=疏散").row();
    assertThat(descriptions(CHINESE).summary(hold)).isEqualTo("张伟 下令卡口 G5/L2 保持常开：疏散");
  }

  @Test
  void aDisconnectedAgentAndAClearedFaultReadNaturally() {
    EventRow agent = sample("gate.agent", "", "@gate=G5", "agent=AG5", "state=disconnected").row();
    assertThat(descriptions(CHINESE).summary(agent)).isEqualTo("卡口 G5 的终端 AG5 已断开");
    assertThat(descriptions(ENGLISH).summary(agent)).isEqualTo("Gate agent AG5 of G5 disconnected");
    EventRow fault = sample("gate.fault", "", "@gate=G5", "device=plate_camera", "cleared=true").row();
    assertThat(descriptions(CHINESE).summary(fault)).isEqualTo("卡口 G5 车牌识别相机故障已恢复");
  }

  /** Fails when the server gains an event type (as a constant of its event classes) without a sentence here. */
  @Test
  void everyEventTypeTheServerNamesIsInTheCatalogue() throws ReflectiveOperationException {
    Set<String> covered = catalogue().map(Sample::type).collect(Collectors.toCollection(TreeSet::new));
    Set<String> named = new TreeSet<>();
    for (String holder : TYPE_CONSTANT_HOLDERS) {
      for (Field field : Class.forName(holder).getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
          field.setAccessible(true);
          String value = (String) field.get(null);
          if (value != null && EVENT_TYPE.matcher(value).matches()) {
            named.add(value);
          }
        }
      }
    }
    Field types = Class.forName("io.cordon.server.registration.RegistrationEvents").getDeclaredField("TYPES");
    types.setAccessible(true);
    named.addAll(((Map<?, ?>) types.get(null)).values().stream().map(String::valueOf).toList());
    Class<?> kinds = Class.forName("io.cordon.devices.sensor.ObservationKind");
    Method eventType = kinds.getMethod("eventType");
    for (Object kind : kinds.getEnumConstants()) {
      named.add((String) eventType.invoke(kind));
    }
    assertThat(named).hasSizeGreaterThan(30).isSubsetOf(covered);
    for (String type : named) {
      String key = type.equals("gate.command") ? "event.summary.gate.command.OPEN" : "event.summary." + type;
      assertThat(CHINESE.containsKey(key)).as(key + " in messages_zh_CN.properties").isTrue();
    }
  }

  // ---- samples ------------------------------------------------------------------------------------

  record Sample(String type, String chinese, EventRow row) {
    @Override
    public String toString() {
      return type;
    }
  }

  /** {@code "@kind=id"} adds a subject (in order), {@code "name=value"} an attribute. */
  private static Sample sample(String type, String chinese, String... fields) {
    Event.Builder event = Event.newBuilder()
        .setSeq(1)
        .setType(type)
        .setTime(Timestamp.newBuilder().setSeconds(1_764_000_000L))
        .setSummary(SERVER_WORDS);
    for (String field : fields) {
      int eq = field.indexOf('=');
      String name = field.substring(0, eq);
      String value = field.substring(eq + 1);
      if (name.startsWith("@")) {
        event.addSubjects(SubjectRef.newBuilder().setKind(name.substring(1)).setId(value));
      } else {
        event.putAttributes(name, value);
      }
    }
    return new Sample(type, chinese, EventRow.from(event.build()));
  }

  private static Sample alarm(String action, String chinese) {
    return sample("alarm." + action, chinese, "@alarm=A-000012", "@sensor=S-0034", "alarm_id=A-000012",
        "type=PERIMETER_INTRUSION", "severity=MAJOR", "state=ACKNOWLEDGED", "count=3", "by=张伟",
        "until=2026-11-25T02:30:00Z");
  }

  private static Sample application(String type, String chinese, String... more) {
    List<String> fields = new ArrayList<>(List.of("@application=AP-01", "@enterprise=EN-01",
        "@vehicle=苏E12345", "@user=张伟", "application_id=AP-01", "kind=VISITOR", "action=x", "from=DRAFT",
        "state=SUBMITTED", "version=2", "by=张伟", "note=同意"));
    fields.addAll(List.of(more));
    if (List.of(more).stream().anyMatch(f -> f.startsWith("reasons="))) {
      fields.remove("note=同意");
    }
    return sample("application." + type, chinese, fields.toArray(String[]::new));
  }

  private static Sample permit(String type, String chinese) {
    return sample("permit." + type, chinese, "@permit=PT-01", "@application=AP-01", "@gate=G5",
        "@enterprise=EN-01", "@vehicle=苏E12345", "@user=张伟", "permit_id=PT-01", "application_id=AP-01",
        "gates=G5", "plates=苏E12345", "people=0", "by=张伟", type.equals("issued") ? "note=" : "note=违规");
  }

  private static Sample trip(String type, String chinese, String... more) {
    List<String> fields = new ArrayList<>(List.of("@vehicle=苏E12345", "@terminal=13800001111",
        "@trip=TR-01", "trip_id=TR-01", "terminal_number=13800001111", "plate=苏E12345", "vehicle_class=HAZMAT",
        "by=张伟"));
    fields.addAll(List.of(more));
    return sample("track." + type, chinese, fields.toArray(String[]::new));
  }

  private static Sample lot(String type, String chinese, String... more) {
    List<String> fields = new ArrayList<>(List.of("@vehicle=苏E12345", "@parking_lot=PL-1", "lot_id=PL-1",
        "lot_name=危化品停车场", "capacity=20", "occupancy=3"));
    fields.addAll(List.of(more));
    return sample("track." + type, chinese, fields.toArray(String[]::new));
  }

  private static EventDescriptions descriptions(ResourceBundle bundle) {
    return new EventDescriptions(key -> bundle.containsKey(key) ? Optional.of(bundle.getString(key)) : Optional.empty());
  }
}
