import StageCommands

/// `vfm`: parses the command line and runs `VFMCommand` (StageCommands); exits with its status.
@main
enum VFMMain {
    static func main() { VFMCommand.main() }
}
