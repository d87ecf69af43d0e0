// The RunDiff module; see STYLE.md for its job.
