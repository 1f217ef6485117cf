//! Views: the hash key space, shard lanes, readers, the data viewer, capacity meters and shard lineage.
