package io.cordon.video.vlc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.slf4j.LoggerFactory;
import uk.co.caprica.vlcj.player.base.MediaPlayer;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.BufferFormat;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.BufferFormatCallback;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.RenderCallback;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.format.RV32BufferFormat;

/**
 * Our own vlcj callback surface (DESIGN §11: never vlcj-javafx with vlcj 4.11). VLC scales each
 * picture to the tile's size (the format callback asks for that size, aspect kept, never larger than
 * the source), the display callback copies it into a Java-owned BGRA-premultiplied buffer behind a
 * {@link PixelBuffer}, and only an {@code updateBuffer} is posted to the FX thread, at most one
 * pending at a time. Copying once per frame means JavaFX never reads native memory VLC may free.
 */
public final class FrameSurface implements BufferFormatCallback, RenderCallback {
  /** Called on the FX thread after a new picture went into {@link #image()}. */
  @FunctionalInterface
  public interface FrameListener {
    void frameShown(FrameSurface surface);
  }

  private final int targetWidth;
  private final int targetHeight;
  private final int knownWidth;
  private final int knownHeight;
  private final FrameListener listener;
  private final AtomicBoolean updatePending = new AtomicBoolean();
  private final AtomicLong decoded = new AtomicLong();
  private final AtomicLong shown = new AtomicLong();
  private volatile Frame frame;
  private Size firstSource;
  private volatile boolean detached;
  private volatile long lastFrameNanos;

  /**
   * @param targetWidth the tile's width in physical pixels, the most VLC should produce
   * @param knownWidth the stream's advertised width (0 if unknown), used to undo the padded height
   */
  public FrameSurface(int targetWidth, int targetHeight, int knownWidth, int knownHeight, FrameListener listener) {
    this.targetWidth = Math.max(2, targetWidth);
    this.targetHeight = Math.max(2, targetHeight);
    this.knownWidth = knownWidth;
    this.knownHeight = knownHeight;
    this.listener = listener;
  }

  @Override
  public BufferFormat getBufferFormat(int sourceWidth, int sourceHeight) {
    // VLC may call this several times with odd heights (368, 386 for a 360 source): trust the
    // stream's advertised size when known, else the first size VLC reported.
    if (firstSource == null) {
      firstSource = new Size(sourceWidth, sourceHeight);
    }
    int srcW = knownWidth > 0 ? knownWidth : firstSource.width();
    int srcH = knownHeight > 0 ? knownHeight : firstSource.height();
    Size size = fit(srcW, srcH, targetWidth, targetHeight);
    LoggerFactory.getLogger(FrameSurface.class).debug("VLC source {}x{} (known {}x{}) -> buffer {}x{}",
        sourceWidth, sourceHeight, knownWidth, knownHeight, size.width(), size.height());
    frame = new Frame(size.width(), size.height());
    return new RV32BufferFormat(size.width(), size.height());
  }

  /** The largest even-width size with the source's aspect that fits the box, never enlarged. */
  static Size fit(int sourceWidth, int sourceHeight, int boxWidth, int boxHeight) {
    double scale = Math.min(1.0, Math.min((double) boxWidth / sourceWidth, (double) boxHeight / sourceHeight));
    int w = Math.max(2, (int) Math.round(sourceWidth * scale) & ~1);
    int h = Math.max(2, (int) Math.round(sourceHeight * scale));
    return new Size(w, h);
  }

  /** A size in pixels. */
  public record Size(int width, int height) {
  }

  @Override
  public void newFormatSize(int bufferWidth, int bufferHeight, int displayWidth, int displayHeight) {
    // The buffer is exactly what getBufferFormat asked for; nothing to adjust.
  }

  @Override
  public void allocatedBuffers(ByteBuffer[] buffers) {
    // vlcj's native buffers are only read inside display(); we never keep them.
  }

  @Override
  public void lock(MediaPlayer mediaPlayer) {
    // vlcj locks its native buffers itself (lockBuffers = true).
  }

  @Override
  public void display(MediaPlayer mediaPlayer, ByteBuffer[] nativeBuffers, BufferFormat bufferFormat,
      int displayWidth, int displayHeight) {
    Frame f = frame;
    if (f == null || detached) {
      return;
    }
    f.copyFrom(nativeBuffers[0]);
    decoded.incrementAndGet();
    lastFrameNanos = System.nanoTime();
    if (updatePending.compareAndSet(false, true)) {
      Platform.runLater(this::showOnFxThread);
    }
  }

  @Override
  public void unlock(MediaPlayer mediaPlayer) {
    // Nothing held.
  }

  private void showOnFxThread() {
    updatePending.set(false);
    Frame f = frame;
    if (detached || f == null) {
      return;
    }
    f.updateImage();
    shown.incrementAndGet();
    listener.frameShown(this);
  }

  /** Stops taking frames; the last picture stays readable. */
  void detach() {
    detached = true;
  }

  /** The picture; null until the first frame was shown. FX thread only. */
  public WritableImage image() {
    Frame f = frame;
    return f == null ? null : f.image;
  }

  /** The part of {@link #image()} that holds the picture (the whole buffer: no padding rows). */
  public Rectangle2D viewport() {
    Frame f = frame;
    return f == null ? null : new Rectangle2D(0, 0, f.width, f.height);
  }

  /** The size VLC delivers, or null before the format is known. */
  public Size negotiatedSize() {
    Frame f = frame;
    return f == null ? null : new Size(f.width, f.height);
  }

  public int targetWidth() {
    return targetWidth;
  }

  public int targetHeight() {
    return targetHeight;
  }

  public long framesDecoded() {
    return decoded.get();
  }

  public long framesShown() {
    return shown.get();
  }

  /** System.nanoTime() of the last decoded frame, 0 if none yet. */
  public long lastFrameNanos() {
    return lastFrameNanos;
  }

  /** A consistent copy of the current picture as ARGB ints (alpha forced opaque), or null before the first frame. */
  public Picture copyPicture() {
    Frame f = frame;
    return f == null || decoded.get() == 0 ? null : f.copy();
  }

  /** Pixels of one picture, row by row, ARGB. */
  public record Picture(int width, int height, int[] argb) {
  }

  /** One negotiated format: a Java-owned direct buffer, its PixelBuffer and image. */
  private static final class Frame {
    final int width;
    final int height;
    final ByteBuffer bytes;
    final IntBuffer ints;
    PixelBuffer<IntBuffer> pixelBuffer;
    WritableImage image;

    Frame(int width, int height) {
      this.width = width;
      this.height = height;
      this.bytes = ByteBuffer.allocateDirect(width * height * 4).order(ByteOrder.nativeOrder());
      this.ints = bytes.asIntBuffer();
    }

    synchronized void copyFrom(ByteBuffer nativeBuffer) {
      ByteBuffer src = nativeBuffer.duplicate();
      src.clear();
      src.limit(Math.min(src.capacity(), bytes.capacity()));
      ByteBuffer dst = bytes.duplicate();
      dst.clear();
      dst.put(src);
    }

    void updateImage() {
      if (image == null) {
        pixelBuffer = new PixelBuffer<>(width, height, ints, PixelFormat.getIntArgbPreInstance());
        image = new WritableImage(pixelBuffer);
      }
      pixelBuffer.updateBuffer(b -> null);
    }

    synchronized Picture copy() {
      int[] argb = new int[width * height];
      IntBuffer src = ints.duplicate();
      src.clear();
      src.get(argb);
      for (int i = 0; i < argb.length; i++) {
        argb[i] |= 0xff000000;
      }
      return new Picture(width, height, argb);
    }
  }
}
