/**
 * The media service (DESIGN §3 "Video path"): pulls each camera's RTSP stream once with ffmpeg, only
 * while someone watches it, supervises the pull, and fans the stream out to clients as MPEG-TS over
 * HTTP. Clients never pull cameras directly.
 */
package io.cordon.media;
