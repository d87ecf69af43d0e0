/// The study's "evidence based practice sites" (NDTi 2014, Section 5): IPS services with
/// good fidelity (n=10) and services where good practice was observed (n=3).
public enum EvidenceBase: Sendable, Hashable {
    case ipsFidelity
    case observedGoodPractice
    /// The return said `no`: written back as `no`, so it stays distinct from a blank.
    case notEvidenceBased
    /// Empty or missing: the return did not say; counted as not evidence-based.
    case notStated
    /// Any other label: flagged, and counted as not evidence-based (SPEC §4).
    case unrecognised(String)

    /// Reads a cell, case-insensitively and with spaces or underscores for the hyphens
    /// (`IPS fidelity`, `ips_fidelity`); `nil` (missing) is not evidence-based.
    public init(label: String?) {
        guard let label else { self = .notStated; return }
        // The canonical labels as written (almost every cell), with no lower-casing.
        switch label {
        case "ips-fidelity": self = .ipsFidelity; return
        case "observed-good-practice": self = .observedGoodPractice; return
        case "no": self = .notEvidenceBased; return
        default: break
        }
        let words = label.lowercased().split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "-" })
        switch words.joined(separator: "-") {
        case "ips-fidelity": self = .ipsFidelity
        case "observed-good-practice": self = .observedGoodPractice
        case "": self = .notStated
        case "no": self = .notEvidenceBased
        default: self = .unrecognised(label)
        }
    }

    public var isEvidenceBased: Bool {
        switch self {
        case .ipsFidelity, .observedGoodPractice: return true
        case .notEvidenceBased, .notStated, .unrecognised: return false
        }
    }

    /// The canonical label written to outputs (unrecognised labels are kept verbatim; a
    /// blank stays blank).
    public var label: String? {
        switch self {
        case .ipsFidelity: return "ips-fidelity"
        case .observedGoodPractice: return "observed-good-practice"
        case .notEvidenceBased: return "no"
        case .notStated: return nil
        case .unrecognised(let label): return label
        }
    }
}
