// vfm-ingest: placeholder entry point until the command is wired.
