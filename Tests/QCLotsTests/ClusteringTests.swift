import QCLots
import Testing

@Suite("Carton clustering")
struct ClusteringTests {
    static func tallies(_ pairs: [(Int, Int)]) -> [CartonClustering.Tally] {
        pairs.enumerated().map { CartonClustering.Tally(carton: "carton-0\($0.offset + 1)", inspected: $0.element.0, defective: $0.element.1) }
    }

    @Test("A carton holding most defects is picked out")
    func cartonSpecific() throws {
        let result = CartonClustering(cartons: Self.tallies([(8, 1), (8, 0), (8, 6), (8, 0), (8, 0)]))
        #expect(result.pattern == .cartonSpecific)
        #expect(result.standouts == ["carton-03"])
        let test = try #require(result.test)
        #expect(test.pValue < 0.001)
        #expect(test.method == "monte_carlo_permutation")
        #expect(abs((result.standoutShare ?? 0) - 6.0 / 7.0) < 1e-12)
        #expect(result.summary.contains("carton-03 (6 of 8"))
    }

    @Test("Clustering found end to end from a lot folder")
    func endToEnd() throws {
        let lot = try TestLot(lotSize: 500, cartons: [
            ("carton-01", repeated(.good, 10)), ("carton-02", [.minorPlating] + repeated(.good, 9)),
            ("carton-03", repeated(.majorBorder, 7) + repeated(.good, 3)), ("carton-04", repeated(.good, 10)),
            ("carton-05", repeated(.good, 10)),
        ])
        defer { lot.remove() }
        let result = try lot.score()
        #expect(result.clustering.pattern == .cartonSpecific)
        #expect(result.clustering.standouts == ["carton-03"])
        #expect(result.decision == "reject")
    }

    @Test("An even spread is not flagged: a high even rate is systemic, a low one isolated")
    func evenSpread() {
        let even = CartonClustering(cartons: Self.tallies([(20, 2), (20, 2), (20, 2), (20, 2), (20, 2)]))
        #expect(even.pattern == .systemic)
        #expect(even.standouts.isEmpty)
        #expect((even.test?.pValue ?? 0) > 0.5)
        let isolated = CartonClustering(cartons: Self.tallies([(20, 0), (20, 1), (20, 0), (20, 0), (20, 0)]))
        #expect(isolated.pattern == .isolated)
        #expect(isolated.standouts.isEmpty)
        let clean = CartonClustering(cartons: Self.tallies([(20, 0), (20, 0)]))
        #expect(clean.pattern == .none)
    }

    @Test("Lot-specific needs history: a rate well above the SKU's earlier lots")
    func lotSpecific() {
        let tallies = Self.tallies([(20, 2), (20, 3), (20, 2), (20, 2)])
        let withHistory = CartonClustering(cartons: tallies, baseline: .init(lots: 6, inspected: 480, defective: 5))
        #expect(withHistory.pattern == .lotSpecific)
        #expect((withHistory.history?.pValue ?? 1) < 0.001)
        let usual = CartonClustering(cartons: tallies, baseline: .init(lots: 6, inspected: 480, defective: 55))
        #expect(usual.pattern == .systemic)
        let none = CartonClustering(cartons: tallies)
        #expect(none.notes.contains { $0.contains("lot-specific cannot be judged") })
    }

    @Test("One carton only: no test, said so")
    func oneCarton() {
        let result = CartonClustering(cartons: Self.tallies([(20, 1)]))
        #expect(result.test == nil)
        #expect(result.notes.contains { $0.contains("cannot be tested") })
    }
}
