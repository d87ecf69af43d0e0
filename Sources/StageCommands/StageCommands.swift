// Stage commands shared by the executables.
