import StageCommands

/// `vfm-analyze`: parses the command line and runs `AnalyzeCommand` (StageCommands); exits with its status.
@main
enum AnalyzeMain {
    static func main() { AnalyzeCommand.main() }
}
