package org.fangfanpin.spi.store;

/**
 * Where new ids come from (编号来源): a database sequence, the host's numbering service. Ids must
 * be unique per namespace for the life of the store, even across restarts.
 */
@FunctionalInterface
public interface IdSource {

  /** A new id in the namespace (e.g. {@code case}); at most 64 characters. */
  String next(String namespace);
}
