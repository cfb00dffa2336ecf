/**
 * Operations commands of an installed server ({@code cordon-server init | backup | restore | health}):
 * first start (admin password, park plan check, where things live), H2 backup and restore, and a
 * device connectivity check run on the server host. Each command returns an exit code instead of
 * exiting, so tests run them in-process.
 */
package io.cordon.server.ops;
