// vfm-diff: placeholder entry point until the command is wired.
