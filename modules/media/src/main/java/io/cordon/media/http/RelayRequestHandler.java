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
import io.cordon.media.record.Recordings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Routes {@code GET /live/{cameraId}/{main|sub}?ticket=…}, {@code GET /playback/{cameraId}/{main|sub}?from=…&ticket=…},
 * {@code GET /exports/{file}?ticket=…} and {@code GET /health}. One instance per connection.
 */
final class RelayRequestHandler extends SimpleChannelInboundHandler<HttpObject> {
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
    if (!request.method().equals(HttpMethod.GET)) {
      reply(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED, "only GET");
      return;
    }
    QueryStringDecoder uri = new QueryStringDecoder(request.uri());
    String[] segments = uri.rawPath().split("/", -1);
    if (uri.rawPath().equals("/health")) {
      replyJson(ctx, HealthJson.of(pulls.health()));
    } else if (segments.length == 4 && segments[0].isEmpty() && segments[1].equals("live")) {
      live(ctx, QueryStringDecoder.decodeComponent(segments[2]), segments[3], uri.parameters().get("ticket"));
    } else if (segments.length == 4 && segments[0].isEmpty() && segments[1].equals("playback")) {
      playback(ctx, QueryStringDecoder.decodeComponent(segments[2]), segments[3], uri.parameters());
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

  /** {@code /playback/{camera}/{profile}?from=ISO-instant&ticket=…}: the recording from the segment holding {@code from}. */
  private void playback(ChannelHandlerContext ctx, String cameraId, String profileName,
      Map<String, List<String>> parameters) {
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
    List<Path> files = recorded.get().catalog()
        .segments(cameraId, profile.get(), from, Instant.now().plus(Duration.ofDays(1))).stream()
        .map(s -> s.path()).toList();
    if (files.isEmpty()) {
      reply(ctx, HttpResponseStatus.NOT_FOUND, "no recording of " + cameraId + " at or after " + from);
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
    RecordedFiles.send(ctx.channel(), files);
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
    RecordedFiles.send(ctx.channel(), List.of(file.get()));
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
