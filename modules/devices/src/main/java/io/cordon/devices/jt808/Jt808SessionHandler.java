package io.cordon.devices.jt808;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One terminal connection's session: who it is, which header dialect it speaks, whether it has
 * authenticated; answers every message as the standard requires and hands positions to the sink.
 * Runs on the connection's event loop only, so its state needs no locks.
 */
final class Jt808SessionHandler extends ChannelInboundHandlerAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(Jt808SessionHandler.class);

  private final Jt808Services services;
  private final SubpackageAssembler assembler;
  private ChannelHandlerContext ctx;
  private String terminal;
  private String authenticatedTerminal;
  private int lastSerial = -1;
  private int platformSerial;
  private int pendingAcks;

  Jt808SessionHandler(Jt808Services services) {
    this.services = services;
    Jt808ServerSettings settings = services.settings();
    this.assembler = new SubpackageAssembler(settings.subpackageTimeout().toNanos(), settings.maxSubpackageBytes(),
        System::nanoTime);
  }

  @Override
  public void handlerAdded(ChannelHandlerContext context) {
    this.ctx = context;
  }

  @Override
  public void channelActive(ChannelHandlerContext context) throws Exception {
    safely(() -> services.listener().connected(context.channel().remoteAddress()));
    super.channelActive(context);
  }

  @Override
  public void channelInactive(ChannelHandlerContext context) throws Exception {
    safely(() -> services.listener().disconnected(terminal, context.channel().remoteAddress()));
    super.channelInactive(context);
  }

  @Override
  public void channelRead(ChannelHandlerContext context, Object msg) {
    if (msg instanceof Jt808Frame frame) {
      onFrame(frame);
    } else if (msg instanceof Jt808BadFrame bad) {
      // The standard answers a message it cannot trust with "bad message", when it can say which.
      if (bad.reason() == Jt808BadFrameReason.BAD_CHECKSUM && bad.header() != null) {
        reply(bad.header(), Jt808Result.BAD_MESSAGE);
      }
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext context, Object event) throws Exception {
    if (event instanceof IdleStateEvent) {
      LOG.debug("closing silent terminal {} at {}", terminal, context.channel().remoteAddress());
      context.close();
      return;
    }
    super.userEventTriggered(context, event);
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext context) throws Exception {
    updateAutoRead();
    super.channelWritabilityChanged(context);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
    // Only I/O failures get here (frames never throw): the connection is gone or broken.
    LOG.debug("closing terminal {} at {}: {}", terminal, context.channel().remoteAddress(), cause.toString());
    context.close();
  }

  private void onFrame(Jt808Frame frame) {
    Jt808Header header = frame.header();
    terminal = header.terminalNumber();
    lastSerial = header.serial();
    byte[] body = frame.bodyUnsafe();
    if (header.isSubpackage()) {
      try {
        body = assembler.offer(header, body);
      } catch (MalformedBodyException e) {
        services.stats().badMessage();
        reply(header, Jt808Result.BAD_MESSAGE);
        return;
      }
      if (body == null) {
        reply(header, Jt808Result.OK);
        return;
      }
    }
    Jt808Message message;
    try {
      message = Jt808BodyDecoder.decode(header, body);
    } catch (MalformedBodyException e) {
      services.stats().badMessage();
      LOG.debug("bad 0x{} from {}: {}", Integer.toHexString(header.messageId()), terminal, e.getMessage());
      reply(header, Jt808Result.BAD_MESSAGE);
      return;
    }
    onMessage(header, message);
  }

  private void onMessage(Jt808Header header, Jt808Message message) {
    if (message instanceof Jt808Message.LocationReport report) {
      onPositions(header, List.of(report.location()), Jt808PositionOrigin.LIVE, 0);
    } else if (message instanceof Jt808Message.LocationBatch batch) {
      onPositions(header, batch.locations(), batch.type() == Jt808Message.LocationBatch.BLIND_AREA
          ? Jt808PositionOrigin.BLIND_AREA : Jt808PositionOrigin.BATCH, batch.droppedItems());
    } else if (message instanceof Jt808Message.Heartbeat) {
      reply(header, Jt808Result.OK);
    } else if (message instanceof Jt808Message.Register register) {
      onRegister(header, register);
    } else if (message instanceof Jt808Message.Authenticate authenticate) {
      onAuthenticate(header, authenticate);
    } else if (message instanceof Jt808Message.Unregister) {
      if (services.settings().requireAuthentication() && !header.terminalNumber().equals(authenticatedTerminal)) {
        reply(header, Jt808Result.FAILED); // nobody but the terminal itself may void its auth code
        return;
      }
      safely(() -> services.registrations().unregister(header.terminalNumber()));
      if (header.terminalNumber().equals(authenticatedTerminal)) {
        authenticatedTerminal = null;
      }
      safely(() -> services.listener().unregistered(header.terminalNumber()));
      reply(header, Jt808Result.OK);
    } else if (message instanceof Jt808Message.TerminalResponse) {
      return; // an answer to a platform command; answers are not answered
    } else {
      services.stats().unsupportedMessage();
      reply(header, Jt808Result.NOT_SUPPORTED);
    }
  }

  private void onRegister(Jt808Header header, Jt808Message.Register register) {
    Jt808Registrations.RegistrationOutcome outcome;
    try {
      outcome = services.registrations().register(header.terminalNumber(), register);
    } catch (RuntimeException e) {
      LOG.warn("registering terminal {} failed", header.terminalNumber(), e);
      reply(header, Jt808Result.FAILED);
      return;
    }
    send(header, new Jt808Message.RegisterResponse(header.serial(), outcome.result(), outcome.authCode()));
    if (outcome.result() == Jt808Message.RegisterResponse.OK) {
      safely(() -> services.listener().registered(header.terminalNumber(), register));
    }
  }

  private void onAuthenticate(Jt808Header header, Jt808Message.Authenticate authenticate) {
    boolean known;
    try {
      known = services.registrations().authenticate(header.terminalNumber(), authenticate.authCode());
    } catch (RuntimeException e) {
      LOG.warn("authenticating terminal {} failed", header.terminalNumber(), e);
      known = false;
    }
    if (known) {
      authenticatedTerminal = header.terminalNumber();
      reply(header, Jt808Result.OK);
      safely(() -> services.listener().authenticated(header.terminalNumber(), ctx.channel().remoteAddress()));
    } else {
      if (header.terminalNumber().equals(authenticatedTerminal)) {
        authenticatedTerminal = null;
      }
      reply(header, Jt808Result.FAILED);
      safely(() -> services.listener().authenticationFailed(header.terminalNumber(), ctx.channel().remoteAddress()));
    }
  }

  private void onPositions(Jt808Header header, List<Location> locations, Jt808PositionOrigin origin, int dropped) {
    boolean authenticated = header.terminalNumber().equals(authenticatedTerminal);
    if (!authenticated && services.settings().requireAuthentication()) {
      reply(header, Jt808Result.FAILED);
      return;
    }
    if (locations.isEmpty()) {
      reply(header, dropped > 0 ? Jt808Result.BAD_MESSAGE : Jt808Result.OK);
      return;
    }
    Instant now = services.clock().instant();
    List<Jt808Position> positions = new ArrayList<>(locations.size());
    for (Location location : locations) {
      positions.add(Jt808Position.of(header.terminalNumber(), location, now, origin, authenticated));
    }
    CompletionStage<Void> taken;
    try {
      taken = services.sink().accept(positions);
    } catch (RuntimeException e) {
      LOG.warn("position sink refused {} positions of {}", positions.size(), header.terminalNumber(), e);
      reply(header, Jt808Result.FAILED);
      return;
    }
    pendingAcks++;
    updateAutoRead();
    taken.whenComplete((ignored, error) -> ctx.executor().execute(() -> {
      pendingAcks--;
      if (error == null) {
        services.stats().positions(positions.size());
        reply(header, Jt808Result.OK);
      } else {
        // one line, no stack: when the store is down or the server stops this repeats for every frame
        LOG.warn("position sink failed {} positions of {}: {}", positions.size(), header.terminalNumber(), error.toString());
        reply(header, Jt808Result.FAILED);
      }
      updateAutoRead();
    }));
  }

  /** Reads while few acks are pending and the terminal takes our replies; otherwise TCP pushes back. */
  private void updateAutoRead() {
    boolean read = pendingAcks < services.settings().maxPendingAcks() && ctx.channel().isWritable();
    if (ctx.channel().config().isAutoRead() != read) {
      ctx.channel().config().setAutoRead(read);
      if (read && ctx.channel().isActive()) {
        // Frames already received wait undecoded in the frame decoder; an empty read makes it go on.
        ctx.pipeline().fireChannelRead(Unpooled.EMPTY_BUFFER);
        ctx.pipeline().fireChannelReadComplete();
      }
    }
  }

  private void reply(Jt808Header header, Jt808Result result) {
    send(header, Jt808Message.PlatformResponse.of(header.serial(), header.messageId(), result));
  }

  private void send(Jt808Header header, Jt808Message message) {
    if (!ctx.channel().isActive()) {
      return;
    }
    byte[] frame = Jt808Encoder.encode(message, header.dialect(), header.terminalNumber(), platformSerial);
    platformSerial = (platformSerial + 1) & 0xffff;
    ctx.writeAndFlush(Unpooled.wrappedBuffer(frame), ctx.voidPromise());
  }

  /** Listener and store callbacks are not allowed to break the connection. */
  private static void safely(Runnable callback) {
    try {
      callback.run();
    } catch (RuntimeException e) {
      LOG.warn("JT/T 808 session callback failed", e);
    }
  }

  /** Serial of the last good frame (for diagnostics), -1 before any. */
  int lastSerial() {
    return lastSerial;
  }
}
