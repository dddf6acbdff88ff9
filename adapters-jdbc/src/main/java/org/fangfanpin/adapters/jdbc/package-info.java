/**
 * The JDBC adapter (关系数据库适配器): {@link org.fangfanpin.adapters.jdbc.JdbcStore} implements every
 * storage port, the outbox and the audit trail over a host's {@link javax.sql.DataSource}, on H2
 * or PostgreSQL 14+, with its schema as versioned SQL migrations under
 * {@code db/migration/fangfanpin}, and gives ids from the database through
 * {@link org.fangfanpin.adapters.jdbc.JdbcStore#ids()}.
 *
 * <p>Only the store is public; the repositories, the dialect and the documents behind it are
 * package-private.
 */
package org.fangfanpin.adapters.jdbc;
