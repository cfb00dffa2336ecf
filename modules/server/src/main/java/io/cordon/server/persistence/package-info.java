/**
 * The database: a connection pool, Flyway migrations (the only source of the schema) and a
 * Hibernate session factory that validates its mappings against that schema.
 */
package io.cordon.server.persistence;
