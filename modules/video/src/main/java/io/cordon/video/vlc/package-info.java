/** libVLC through vlcj 4.11: discovery, players and our PixelBuffer callback surface. */
package io.cordon.video.vlc;
