import StageCommands

/// `vfm-clean`: parses the command line and runs `CleanCommand` (StageCommands); exits with its status.
@main
enum CleanMain {
    static func main() { CleanCommand.main() }
}
