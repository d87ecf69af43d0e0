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
