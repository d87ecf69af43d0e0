// The Numerics module; see STYLE.md for its job.
