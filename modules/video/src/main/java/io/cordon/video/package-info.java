/**
 * The video wall (DESIGN §2, §3 "Video path"): tiles that play the media relay's MPEG-TS streams
 * through vlcj into PixelBuffer-backed ImageViews, layouts, stream choice by tile size, detachable
 * full-screen walls and the alarm pop-up. JavaFX and vlcj only; no gRPC, no server.
 */
package io.cordon.video;
