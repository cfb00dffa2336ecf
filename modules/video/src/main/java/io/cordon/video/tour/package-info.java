/** Camera groups an operator saves, and tours that page a group over a wall every few seconds. */
package io.cordon.video.tour;
