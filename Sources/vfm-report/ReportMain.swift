import StageCommands

/// `vfm-report`: parses the command line and runs `ReportCommand` (StageCommands); exits with its status.
@main
enum ReportMain {
    static func main() { ReportCommand.main() }
}
