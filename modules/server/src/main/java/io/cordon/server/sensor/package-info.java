/** Journals the perimeter sensor observations accepted by the devices module. */
package io.cordon.server.sensor;
