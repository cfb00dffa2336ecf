/** Network plumbing shared by the device servers and the simulated devices. */
package io.cordon.devices.net;
