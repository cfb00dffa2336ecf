/** Device-facing alarm intake: video analytics, gate, vehicle-rule and device-health alarms (AlarmIngestService). */
package io.cordon.devices.alarm;
