// The Analysis module; see STYLE.md for its job.
