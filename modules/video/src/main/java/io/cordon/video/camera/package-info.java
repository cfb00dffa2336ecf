/** What the app gives the wall: cameras with their streams, and a way to get a playable URL. */
package io.cordon.video.camera;
