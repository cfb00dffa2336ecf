/**
 * The append-only event journal (the backbone of the live stream and every timeline) and its live
 * fan-out. Both sit behind small interfaces ({@link io.cordon.server.event.EventJournal},
 * {@link io.cordon.server.event.LiveEvents}) so that several server nodes can share one database.
 */
package io.cordon.server.event;
