import Foundation
import QCInspection
import QCSampling

/// Scores a lot and decides it: photos → unit results (through the injected scorer) → the AQL decision per
/// class (ISO 2859-1 single sampling, sample size from lot size and level) → defect map, clustering,
/// diagnosis and dispositions, gathered in a `LotResult`.
public enum LotEvaluation {
    /// Scores every photo of `folder` with `scorer` (at most `jobs` at once) and evaluates the lot.
    public static func score(lot: LotFile, folder: LotFolder, policy: LotPolicy,
                             jobs: Int = ProcessInfo.processInfo.activeProcessorCount, scorer: @escaping UnitScorer,
                             progress: LotScorer.ProgressHandler? = nil,
                             baseline: CartonClustering.HistoryBaseline? = nil,
                             scoredAt: Date = Date()) throws(LotError) -> LotResult {
        _ = try policy.samplingPlan(lotSize: lot.lotSize)   // refuse a bad plan before any photo is scored
        let outcomes = LotScorer.score(folder.photos, jobs: jobs, scorer: scorer, progress: progress)
        return try evaluate(lot: lot, folder: folder, outcomes: outcomes, policy: policy, baseline: baseline,
                            scoredAt: scoredAt)
    }

    /// Decides a lot from outcomes already scored.
    ///
    /// Units are taken in photo-path order. Measured units beyond the sample size are reported (and feed the
    /// defect map and diagnosis) but do not count towards Ac/Re. Failed photos count nowhere; while fewer
    /// units than the sample size are measured (and nothing rejected), the lot is incomplete, with how many
    /// more units to measure and from which cartons.
    public static func evaluate(lot: LotFile, folder: LotFolder, outcomes: [UnitOutcome], policy: LotPolicy,
                                baseline: CartonClustering.HistoryBaseline? = nil,
                                scoredAt: Date = Date()) throws(LotError) -> LotResult {
        let plan = try policy.samplingPlan(lotSize: lot.lotSize)
        let sampleSize = plan.unitsToInspect
        var units: [UnitRecord] = []
        var failures: [UnitFailure] = []
        for outcome in outcomes.sorted(by: { $0.photo.relativePath < $1.photo.relativePath }) {
            switch outcome {
            case .scored(let photo, let score):
                units.append(UnitRecord(photo: photo, score: score, inSample: units.count < sampleSize))
            case .failed(let photo, let message):
                failures.append(UnitFailure(photo: photo.relativePath, carton: photo.carton, error: message))
            }
        }
        let sampled = units.filter(\.inSample)
        let inspections = sampled.map(inspection)
        let decision = LotDecision.decide(plan: plan, units: inspections, counting: policy.counting)

        var classes: [String: LotResult.ClassSummary] = [:]
        for defectClass in DefectClass.allCases {
            if let result = decision.results.first(where: { $0.scope == .defectClass(defectClass) }) {
                classes[defectClass.rawValue] = summary(result)
            } else {
                classes[defectClass.rawValue] = LotResult.ClassSummary(
                    aql: nil, sampleSize: nil, accept: nil, reject: nil, unitsCounted: inspections.count,
                    nonconforming: count(defectClass, in: inspections, counting: policy.counting),
                    decision: "not_planned", moreUnitsNeeded: nil, reinstatesNormal: false)
            }
        }
        if let all = decision.results.first(where: { $0.scope == .allDefects }) { classes["all"] = summary(all) }

        var notes: [String] = []
        let overall: String
        var more: Int?
        switch decision.verdict {
        case .accepted: overall = "accept"
        case .rejected: overall = "reject"
        case .incomplete(let needed): overall = "incomplete"; more = needed
        }
        let hasLoose = folder.photos.contains { $0.carton == nil }
        let cartonNames = folder.cartons + (hasLoose ? [LotPhoto.looseLabel] : [])
        var pulls: [LotResult.Pull] = []
        if let more {
            pulls = pullSuggestion(more: more, cartons: folder.cartons, units: units)
            notes.append("\(units.count) of \(sampleSize) sample units measured: measure \(more) more"
                + (pulls.isEmpty ? " from the lot" : ", from " + pulls.map { "\($0.carton) (\($0.units))" }.joined(separator: ", ")) + ".")
        }
        if !failures.isEmpty {
            notes.append("\(failures.count) photo(s) could not be measured and count nowhere; re-photograph them or other units.")
        }
        let extra = units.count - sampled.count
        if extra > 0 {
            notes.append("\(extra) unit(s) measured beyond the sample size of \(sampleSize): reported, but the decision "
                + "counts the first \(sampleSize) in photo order.")
            let extraDefective = units.filter { !$0.inSample && $0.isDefective }.count
            if extraDefective > 0 { notes.append("\(extraDefective) of the units beyond the sample are defective.") }
        }
        if decision.reinstatesNormal { notes.append("Accepted with a count between Ac and Re: normal inspection is reinstated.") }
        if !folder.ignored.isEmpty { notes.append("\(folder.ignored.count) file(s) in the lot folder are not photos and were ignored.") }

        let map = DefectMap(units: units, cartons: cartonNames)
        let clustering = CartonClustering(cartons: map.byCarton.map {
            CartonClustering.Tally(carton: $0.carton, inspected: $0.inspected, defective: $0.defective)
        }, baseline: baseline)
        let switching = decision.switchingScoreOutcome.map { outcome -> LotResult.SwitchingRecord in
            let add: Int?
            switch outcome {
            case .add(let points): add = points
            case .reset: add = nil
            }
            return LotResult.SwitchingRecord(accepted: decision.verdict == .accepted,
                                             reinstatesNormal: decision.reinstatesNormal, scoreAdd: add)
        }
        return LotResult(
            lot: lot.lot, sku: lot.sku, po: lot.po, supplier: lot.supplier, master: lot.master.description,
            lotSize: lot.lotSize, inspectionLevel: policy.level.rawValue, severity: policy.severity.rawValue,
            edition: policy.edition.rawValue, codeLetter: plan.lotCodeLetter.rawValue, sampleSize: sampleSize,
            counting: countingName(policy.counting), aql: policy.aqls.description, photos: folder.photos.count,
            inspected: units.count, failed: failures.count, classes: classes, decision: overall,
            rejectedBy: decision.rejectingScopes.map(\.description), moreUnitsNeeded: more, pullFrom: pulls,
            units: units, failures: failures, ignoredFiles: folder.ignored,
            cartons: cartonSummaries(folder: folder, units: units, failures: failures),
            defectMap: map, clustering: clustering, diagnosis: Diagnosis(units: units),
            dispositions: DispositionAdvice.advise(map: map, inspected: units.count, lotSize: lot.lotSize,
                                                   configured: policy.dispositions),
            switching: switching, scoredAt: isoString(scoredAt), notes: notes)
    }

    /// "nonconforming_units" or "nonconformities", as in lot.yaml and the JSON.
    public static func countingName(_ mode: CountingMode) -> String {
        mode == .nonconformingUnits ? "nonconforming_units" : "nonconformities"
    }

    /// A unit's defect counts by class, for the sampling decision.
    static func inspection(_ unit: UnitRecord) -> UnitInspection {
        var counts: [DefectClass: Int] = [:]
        for defect in unit.defects { counts[defect.defectClass, default: 0] += 1 }
        return (try? UnitInspection(defects: counts)) ?? .conforming
    }

    static func count(_ defectClass: DefectClass, in units: [UnitInspection], counting: CountingMode) -> Int {
        switch counting {
        case .nonconformingUnits: return units.filter { $0.worstClass() == defectClass }.count
        case .nonconformities: return units.reduce(0) { $0 + $1.count(defectClass) }
        }
    }

    static func summary(_ result: LotDecision.ClassResult) -> LotResult.ClassSummary {
        var decision = "accept", more: Int?, reinstates = false
        switch result.verdict {
        case .accept: break
        case .acceptAndReinstateNormal: reinstates = true
        case .reject: decision = "reject"
        case .pending(let needed): decision = "incomplete"; more = needed
        }
        return LotResult.ClassSummary(aql: result.plan.aql.value, sampleSize: result.plan.sampleSize,
                                      accept: result.plan.accept, reject: result.plan.reject,
                                      unitsCounted: result.unitsCounted, nonconforming: result.count,
                                      decision: decision, moreUnitsNeeded: more, reinstatesNormal: reinstates)
    }

    /// Shares `more` units among the cartons, always to the carton with the fewest measured (plus already
    /// allotted) units, ties by name; listed fewest-measured first. Empty when the lot has no carton folders.
    public static func pullSuggestion(more: Int, cartons: [String], units: [UnitRecord]) -> [LotResult.Pull] {
        guard more > 0, !cartons.isEmpty else { return [] }
        var measured: [String: Int] = Dictionary(uniqueKeysWithValues: cartons.map { ($0, 0) })
        for unit in units { if let carton = unit.carton, measured[carton] != nil { measured[carton, default: 0] += 1 } }
        var allotted: [String: Int] = [:]
        for _ in 0..<more {
            guard let pick = cartons.min(by: { a, b in
                let la = (measured[a] ?? 0) + (allotted[a] ?? 0), lb = (measured[b] ?? 0) + (allotted[b] ?? 0)
                return la != lb ? la < lb : a < b
            }) else { break }
            allotted[pick, default: 0] += 1
        }
        return allotted.map { LotResult.Pull(carton: $0.key, inspected: measured[$0.key] ?? 0, units: $0.value) }
            .sorted { ($0.inspected, $0.carton) < ($1.inspected, $1.carton) }
    }

    static func cartonSummaries(folder: LotFolder, units: [UnitRecord], failures: [UnitFailure]) -> [LotResult.CartonSummary] {
        var byName: [String: LotResult.CartonSummary] = [:]
        for photo in folder.photos {
            var entry = byName[photo.cartonLabel] ?? LotResult.CartonSummary(
                carton: photo.cartonLabel, line: photo.line, dateCode: photo.dateCode, photos: 0, inspected: 0,
                failed: 0, defective: 0)
            entry.photos += 1
            byName[photo.cartonLabel] = entry
        }
        for name in folder.cartons where byName[name] == nil {
            byName[name] = LotResult.CartonSummary(carton: name, line: nil, dateCode: nil, photos: 0, inspected: 0,
                                                   failed: 0, defective: 0)
        }
        for unit in units {
            byName[unit.cartonLabel]?.inspected += 1
            if unit.isDefective { byName[unit.cartonLabel]?.defective += 1 }
        }
        for failure in failures { byName[failure.carton ?? LotPhoto.looseLabel]?.failed += 1 }
        return byName.values.sorted { $0.carton < $1.carton }
    }

    static func isoString(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
