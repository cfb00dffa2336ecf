/** Wall layouts (grids with spanning cells), the built-in ones and their text form. */
package io.cordon.video.layout;
