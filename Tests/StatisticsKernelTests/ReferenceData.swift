import Foundation
import VFMTestSupport

/// Decodes a JSON file written by `Fixtures/reference/make_reference.py`.
enum ReferenceData {
    static func load<T: Decodable>(_ type: T.Type, from name: String) throws -> T {
        let data = try Data(contentsOf: FixturePaths.fixture("reference/\(name)"))
        return try JSONDecoder().decode(T.self, from: data)
    }
}

/// |a − b| ≤ tolerance · max(|b|, tiny), written out so the tolerance is visible in each test.
func isClose(_ a: Double, _ b: Double, relative tolerance: Double) -> Bool {
    abs(a - b) <= tolerance * max(abs(b), Double.leastNormalMagnitude)
}
