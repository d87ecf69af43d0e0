/// The study's "evidence based practice sites" (NDTi 2014, Section 5): IPS services with
/// good fidelity (n=10) and services where good practice was observed (n=3).
public enum EvidenceBase: Sendable, Hashable {
    case ipsFidelity
    case observedGoodPractice
    /// Empty, missing or `no`.
    case notEvidenceBased
    /// Any other label: flagged, and counted as not evidence-based (SPEC §4).
    case unrecognised(String)

    /// Reads a cell, case-insensitively and with spaces or underscores for the hyphens
    /// (`IPS fidelity`, `ips_fidelity`); `nil` (missing) is not evidence-based.
    public init(label: String?) {
        guard let label else { self = .notEvidenceBased; return }
        let words = label.lowercased().split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "-" })
        switch words.joined(separator: "-") {
        case "ips-fidelity": self = .ipsFidelity
        case "observed-good-practice": self = .observedGoodPractice
        case "", "no": self = .notEvidenceBased
        default: self = .unrecognised(label)
        }
    }

    public var isEvidenceBased: Bool {
        switch self {
        case .ipsFidelity, .observedGoodPractice: return true
        case .notEvidenceBased, .unrecognised: return false
        }
    }

    /// The canonical label written to outputs (unrecognised labels are kept verbatim).
    public var label: String? {
        switch self {
        case .ipsFidelity: return "ips-fidelity"
        case .observedGoodPractice: return "observed-good-practice"
        case .notEvidenceBased: return nil
        case .unrecognised(let label): return label
        }
    }
}
