// The Reporting module; see STYLE.md for its job.
