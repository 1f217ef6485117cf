//! Producers, readers and scenarios driven by a seeded random generator (to be built).
