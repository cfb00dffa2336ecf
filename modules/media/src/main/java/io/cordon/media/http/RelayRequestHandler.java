package io.cordon.media.http;

import io.cordon.media.fanout.LivePulls;
import io.cordon.media.source.CameraStream;
import io.cordon.media.source.CameraStreamSource;
import io.cordon.media.source.StreamProfile;
import io.cordon.media.ticket.TicketCheck;
import io.cordon.media.ticket.TicketVerifier;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.cordon.media.record.ClipExporter;
import io.cordon.media.record.PlaybackPlan;
import io.cordon.media.record.RecordedSegment;
import io.cordon.media.record.Recordings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Routes {@code GET /live/{cameraId}/{main|sub}?ticket=…}, {@code GET /playback/{cameraId}/{main|sub}?from=…&ticket=…},
 * {@code GET /exports/{file}?ticket=…} and {@code GET /health}. One instance per connection.
 */
final class RelayRequestHandler extends SimpleChannelInboundHandler<HttpObject> {
  /** Response header of playback: wall-clock time (ISO-8601 instant) of the first picture sent. */
  static final String START_HEADER = "X-Cordon-Start";
  private final LivePulls pulls;
  private final CameraStreamSource source;
  private final TicketVerifier verifier;
  private final long maxQueuedBytes;
  private final Supplier<Optional<Recordings>> recordings;
  private boolean streaming;

  RelayRequestHandler(LivePulls pulls, CameraStreamSource source, TicketVerifier verifier, long maxQueuedBytes,
      Supplier<Optional<Recordings>> recordings) {
    this.pulls = pulls;
    this.source = source;
    this.verifier = verifier;
    this.maxQueuedBytes = maxQueuedBytes;
    this.recordings = recordings;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
    if (!(msg instanceof HttpRequest) || streaming) {
      return; // bodies and pipelined requests on a streaming connection are ignored
    }
    HttpRequest request = (HttpRequest) msg;
    QueryStringDecoder uri = new QueryStringDecoder(request.uri());
    String[] segments = uri.rawPath().split("/", -1);
    boolean head = request.method().equals(HttpMethod.HEAD);
    if (!request.method().equals(HttpMethod.GET) && !(head && segments.length == 4 && segments[1].equals("playback"))) {
      reply(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED, "only GET (and HEAD for playback)");
      return;
    }
    if (uri.rawPath().equals("/health")) {
      replyJson(ctx, HealthJson.of(pulls.health()));
    } else if (segments.length == 4 && segments[0].isEmpty() && segments[1].equals("live")) {
      live(ctx, QueryStringDecoder.decodeComponent(segments[2]), segments[3], uri.parameters().get("ticket"));
    } else if (segments.length == 4 && segments[0].isEmpty() && segments[1].equals("playback")) {
      playback(ctx, QueryStringDecoder.decodeComponent(segments[2]), segments[3], uri.parameters(), head);
    } else if (segments.length == 3 && segments[0].isEmpty() && segments[1].equals("exports")) {
      export(ctx, QueryStringDecoder.decodeComponent(segments[2]), uri.parameters().get("ticket"));
    } else {
      reply(ctx, HttpResponseStatus.NOT_FOUND, "no such path");
    }
  }

  private void live(ChannelHandlerContext ctx, String cameraId, String profileName, List<String> tickets) {
    Optional<StreamProfile> profile = StreamProfile.fromUrlName(profileName);
    if (profile.isEmpty()) {
      reply(ctx, HttpResponseStatus.NOT_FOUND, "unknown stream profile (use main or sub)");
      return;
    }
    if (tickets == null || tickets.isEmpty() || tickets.get(0).isBlank()) {
      reply(ctx, HttpResponseStatus.UNAUTHORIZED, "missing ticket");
      return;
    }
    TicketCheck check = verifier.check(tickets.get(0), cameraId, profile.get());
    if (check instanceof TicketCheck.Rejected rejected) {
      reply(ctx, HttpResponseStatus.FORBIDDEN, rejected.reason());
      return;
    }
    Optional<CameraStream> stream = source.find(cameraId, profile.get());
    if (stream.isEmpty()) {
      reply(ctx, HttpResponseStatus.NOT_FOUND, "unknown camera");
      return;
    }
    streaming = true;
    HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    response.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, "video/mp2t")
        .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED)
        .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    ctx.writeAndFlush(response);
    NettyViewer viewer = new NettyViewer(ctx.channel(), maxQueuedBytes);
    LivePulls.Subscription subscription = pulls.watch(stream.get(), viewer);
    ctx.channel().closeFuture().addListener(f -> subscription.close());
  }

  /**
   * {@code /playback/{camera}/{profile}?from=ISO-instant&ticket=…}: the recording from the last key frame at or
   * before {@code from} (the segment being written included), as one TS. The response header
   * {@value #START_HEADER} gives that key frame's wall-clock time (ISO-8601): a player adds its media time to it.
   * {@code HEAD} answers the same headers without the video.
   */
  private void playback(ChannelHandlerContext ctx, String cameraId, String profileName,
      Map<String, List<String>> parameters, boolean head) {
    Optional<StreamProfile> profile = StreamProfile.fromUrlName(profileName);
    if (profile.isEmpty()) {
      reply(ctx, HttpResponseStatus.NOT_FOUND, "unknown stream profile (use main or sub)");
      return;
    }
    if (!ticketAccepted(ctx, parameters.get("ticket"), cameraId, profile.get())) {
      return;
    }
    Instant from;
    try {
      from = Instant.parse(parameters.getOrDefault("from", List.of("")).get(0));
    } catch (DateTimeParseException e) {
      reply(ctx, HttpResponseStatus.BAD_REQUEST, "from must be an ISO-8601 instant, e.g. 2026-11-26T08:00:00Z");
      return;
    }
    Optional<Recordings> recorded = recordings.get();
    if (recorded.isEmpty()) {
      reply(ctx, HttpResponseStatus.NOT_FOUND, "this relay does not record");
      return;
    }
    Instant now = Instant.now();
    List<RecordedSegment> segments = new ArrayList<>(recorded.get().catalog()
        .segments(cameraId, profile.get(), from, now.plus(Duration.ofDays(1))));
    Instant lastClosed = segments.stream().map(RecordedSegment::start).max(Instant::compareTo).orElse(Instant.MIN);
    recorded.get().files().growing(cameraId, profile.get(), now)
        .filter(g -> g.start().isAfter(lastClosed)).ifPresent(segments::add);
    Optional<PlaybackPlan> plan;
    try {
      plan = PlaybackPlan.from(segments, from);
    } catch (IOException e) {
      reply(ctx, HttpResponseStatus.INTERNAL_SERVER_ERROR, "cannot read the recording: " + e.getMessage());
      return;
    }
    if (plan.isEmpty()) {
      reply(ctx, HttpResponseStatus.NOT_FOUND, "no recording of " + cameraId + " at or after " + from);
      return;
    }
    if (head) {
      FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
      response.headers()
          .set(HttpHeaderNames.CONTENT_TYPE, "video/mp2t")
          .set(START_HEADER, plan.get().start().toString())
          .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
          .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
      return;
    }
    streaming = true;
    HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    response.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, "video/mp2t")
        .set(START_HEADER, plan.get().start().toString())
        .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED)
        .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    ctx.writeAndFlush(response);
    RecordedFiles.send(ctx.channel(), plan.get());
  }

  /** {@code /exports/{file}?ticket=…}: a clip the server had cut; the ticket names camera {@code export:<file>}. */
  private void export(ChannelHandlerContext ctx, String fileName, List<String> tickets) {
    if (!ClipExporter.SAFE_NAME.matcher(fileName).matches()) {
      reply(ctx, HttpResponseStatus.NOT_FOUND, "no such export");
      return;
    }
    if (!ticketAccepted(ctx, tickets, "export:" + fileName, StreamProfile.MAIN)) {
      return;
    }
    Optional<Path> file = recordings.get().map(r -> r.settings().exportsDir().resolve(fileName))
        .filter(Files::isRegularFile);
    if (file.isEmpty()) {
      reply(ctx, HttpResponseStatus.NOT_FOUND, "no such export");
      return;
    }
    streaming = true;
    HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    response.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, "video/mp2t")
        .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED)
        .set(HttpHeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    ctx.writeAndFlush(response);
    try {
      RecordedFiles.send(ctx.channel(), PlaybackPlan.wholeFile(file.get(), Instant.EPOCH));
    } catch (IOException e) {
      ctx.close();
    }
  }

  private boolean ticketAccepted(ChannelHandlerContext ctx, List<String> tickets, String scope, StreamProfile profile) {
    if (tickets == null || tickets.isEmpty() || tickets.get(0).isBlank()) {
      reply(ctx, HttpResponseStatus.UNAUTHORIZED, "missing ticket");
      return false;
    }
    TicketCheck check = verifier.check(tickets.get(0), scope, profile);
    if (check instanceof TicketCheck.Rejected rejected) {
      reply(ctx, HttpResponseStatus.FORBIDDEN, rejected.reason());
      return false;
    }
    return true;
  }

  private static void reply(ChannelHandlerContext ctx, HttpResponseStatus status, String text) {
    send(ctx, status, "text/plain; charset=utf-8", text + "\n");
  }

  private static void replyJson(ChannelHandlerContext ctx, String json) {
    send(ctx, HttpResponseStatus.OK, "application/json", json);
  }

  private static void send(ChannelHandlerContext ctx, HttpResponseStatus status, String type, String body) {
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
        Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
    response.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, type)
        .set(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
