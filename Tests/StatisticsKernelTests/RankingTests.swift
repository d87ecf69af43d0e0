import Testing
@testable import StatisticsKernel

@Suite("Average ranks")
struct RankingTests {
    @Test("ties share the mean of the positions they span", arguments: [
        ([10, 20, 20, 30] as [Double], [1, 2.5, 2.5, 4] as [Double]),
        ([3, 1, 2], [3, 1, 2]),
        ([5, 5, 5], [2, 2, 2]),
        ([2, 9, 2, 9, 2], [2, 4.5, 2, 4.5, 2]),   // 2s at positions 1–3 → 2; 9s at 4–5 → 4.5
        ([], []),
    ])
    func averageRanks(values: [Double], ranks: [Double]) {
        #expect(Ranking.averageRanks(values) == ranks)
    }
}
