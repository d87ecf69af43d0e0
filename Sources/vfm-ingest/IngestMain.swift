import StageCommands

/// `vfm-ingest`: parses the command line and runs `IngestCommand` (StageCommands); exits with its status.
@main
enum IngestMain {
    static func main() { IngestCommand.main() }
}
