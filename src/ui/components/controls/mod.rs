//! Controls: the page console, the simulated clock, the create-stream form, stream details, producers, scenarios.
