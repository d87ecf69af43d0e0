import RunFiles
import Tabular
import VFMCore

/// Reading back the clean stage's own CSV files (see `RunFileCSV`; cells through `RunFileCells`).
enum CleanCSV {
    static func reader(_ file: String) -> RunFileCSV {
        RunFileCSV(file: file, hint: "this file is written by vfm-clean; run the clean stage again to rewrite it")
    }

    static func corrupt(_ message: String, file: String, line: Int) -> VFMError {
        reader(file).corrupt(message, line: line)
    }
}
