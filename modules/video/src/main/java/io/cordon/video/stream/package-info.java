/** Which stream a tile plays and what state it is in; no JavaFX, no vlcj. */
package io.cordon.video.stream;
