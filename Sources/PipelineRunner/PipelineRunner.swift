// The PipelineRunner module; see STYLE.md for its job.
