import Foundation
import Returns

/// A service across periods (SPEC §11 "Matching a service across periods"): its authority
/// and service folded exactly as the duplicate check folds them — the duplicate check's
/// own key with the period left out, so that the two can never disagree on what one
/// service is.
struct ServiceKey: Hashable {
    private let key: DuplicateScreen.Key

    init(_ row: borrowing ServiceReturn) {
        var key = DuplicateScreen.Key(row)
        key.period = nil
        self.key = key
    }
}

/// An authority as one area (SPEC §12: the spending survey's responses are combined into
/// areas "by the authority key, folded as in §11"): the duplicate check's own folding —
/// case, surrounding and inner runs of white space — in canonical composition (NFC), so
/// that `Leeds`, ` LEEDS ` and `Leeds` typed with a decomposed letter are one area, and
/// the folded text orders areas by its bytes.
package enum AuthorityKey {
    package static func fold(_ authority: String) -> String {
        DuplicateScreen.Key.fold(authority).precomposedStringWithCanonicalMapping
    }
}
