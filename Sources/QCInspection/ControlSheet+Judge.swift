import QCSampling

/// One unit judged against a control sheet: a result per check, a defect per failed check, and notes on
/// checks that could not be judged.
public struct SheetJudgement: Sendable, Equatable {
    /// One result per sheet check, in sheet order; status "ok", "minor", "major", "critical" or "not_measured".
    public var checks: [CompareResult.CheckResult]
    /// One defect per failed check, in sheet order, named by the sheet key.
    public var defects: [Defect]
    /// Why a check was not judged (e.g. no plating tone without a white reference), for people.
    public var notes: [String]

    public init(checks: [CompareResult.CheckResult], defects: [Defect], notes: [String]) {
        self.checks = checks; self.defects = defects; self.notes = notes
    }

    /// The most serious defect class of the unit, nil when it has no defect.
    public var worstClass: DefectClass? { CompareResult.worst(defects) }
}

extension ControlSheet {
    /// Judges one unit's measurements against every check of the sheet, in sheet order.
    ///
    /// Nominals the sheet omits come from `nominals` (the measured master). Limits are inclusive: a value
    /// exactly at nominal ± tolerance or at `max` passes (compared with a slack of 1e-9 so that decimal
    /// limits such as 0.80 − 0.10 are not lost to binary rounding). Beyond the first limit the unit gets
    /// the class of the last tier whose limit it exceeds.
    public func judge(_ m: Measurements, nominals: MasterNominals) -> SheetJudgement {
        var judgement = SheetJudgement(checks: [], defects: [], notes: [])
        for check in checks {
            let verdict = check.judge(m, nominals: nominals)
            judgement.checks.append(verdict.result)
            if let defect = verdict.defect { judgement.defects.append(defect) }
            if let note = verdict.note { judgement.notes.append(note) }
        }
        return judgement
    }
}

/// The outcome of one check on one unit.
struct CheckVerdict {
    var result: CompareResult.CheckResult
    var defect: Defect?
    var note: String?
}

extension SheetCheck {
    /// Status of a check that could not be judged.
    static let notMeasured = "not_measured"
    /// Slack when comparing with a limit (mm or ΔE00), far below any measurement's resolution.
    static let slack = 1e-9

    /// Judges this check on one unit.
    func judge(_ m: Measurements, nominals: MasterNominals) -> CheckVerdict {
        switch self {
        case .overallSize(let width, let height, let tiers):
            return judgeTolerance(subject: "overall size", tiers: tiers, items: [
                Measured(label: "width", value: m.overallSize.width, nominal: width ?? nominals.overallWidth,
                         fromMaster: width == nil),
                Measured(label: "height", value: m.overallSize.height, nominal: height ?? nominals.overallHeight,
                         fromMaster: height == nil),
            ])
        case .borderWidth(let nominal, let tiers):
            return judgeTolerance(subject: "border width", tiers: tiers, items: m.borderWidth.named.map {
                Measured(label: $0.0, value: $0.1, nominal: nominal ?? nominals.borderWidth, fromMaster: nominal == nil)
            })
        case .fillBoundaryShift(let tiers):
            return judgeMaximum(subject: "fill boundary shift", value: m.fillBoundaryShift.max, tiers: tiers, words: [])
        case .platingTone(let tiers):
            guard let tone = m.platingTone else {
                return notJudged(value: 0, nominal: nil, lower: nil, upper: tiers.first?.limit,
                                 note: "\(name) not measured: the photo has no white reference (a light-on-dark "
                                     + "ruler and no station profile), so plating tone was not judged; photograph "
                                     + "the unit with a white reference or a station profile to judge it")
            }
            return judgeMaximum(subject: "plating ΔE00", value: tone.deltaE00, tiers: tiers, words: tone.direction)
        }
    }

    /// One measured value of a nominal ± tolerance check (a side of the border, the width or the height).
    struct Measured {
        var label: String
        var value: Double
        var nominal: Double
        var fromMaster: Bool
        var deviation: Double { abs(value - nominal) }
    }

    /// Nominal ± tolerance: every item must lie within its nominal ± the first tier's tolerance.
    private func judgeTolerance(subject: String, tiers: [Tier], items: [Measured]) -> CheckVerdict {
        guard let first = tiers.first else {
            return notJudged(value: items.first?.value ?? 0, nominal: nil, lower: nil, upper: nil,
                             note: "\(name) not judged: the check has no tolerance")
        }
        if let bad = items.first(where: { !($0.nominal.isFinite && $0.nominal > 0) }) {
            return notJudged(value: 0, nominal: nil, lower: nil, upper: nil,
                             note: "\(name) not judged: the sheet gives no \(bad.label) nominal and the master's "
                                 + "(\(bad.nominal)) is unusable; give the nominal in the sheet or measure the "
                                 + "master again")
        }
        if let bad = items.first(where: { !$0.value.isFinite }) {
            return notJudged(value: 0, nominal: bad.nominal, lower: nil, upper: nil,
                             note: "\(name) not judged: the \(bad.label) could not be measured")
        }
        // The tier each item reaches (nil: within the first tolerance).
        let reached: [Int?] = items.map { item in
            Self.lastTier(tiers) { tier in
                item.value < Self.tidy(item.nominal - tier.limit) - Self.slack
                    || item.value > Self.tidy(item.nominal + tier.limit) + Self.slack
            }
        }
        // Reported item: the highest tier reached, then the largest deviation, then the first.
        var worst = 0
        for index in items.indices.dropFirst() {
            let (a, b) = (reached[index] ?? -1, reached[worst] ?? -1)
            if a > b || (a == b && items[index].deviation > items[worst].deviation) { worst = index }
        }
        let item = items[worst]
        var result = CompareResult.CheckResult(
            check: name, value: item.value, nominal: item.nominal,
            lower: Self.tidy(item.nominal - first.limit), upper: Self.tidy(item.nominal + first.limit), status: "ok")
        guard let worstTier = reached[worst] else { return CheckVerdict(result: result, defect: nil, note: nil) }

        let defectClass = tiers[worstTier].defectClass
        result.status = defectClass.rawValue
        let offenders = items.indices.compactMap { index in reached[index].map { (items[index], tiers[$0].limit) } }
        let shared = offenders.allSatisfy { $0.0.nominal == item.nominal && $0.1 == tiers[worstTier].limit }
        func bound(_ measured: Measured, _ tolerance: Double) -> Double {
            Self.tidy(measured.value < measured.nominal ? measured.nominal - tolerance : measured.nominal + tolerance)
        }
        // Nominals measured on the master are shown to 3 decimals at most; the sheet's exactly as written.
        func number(_ x: Double, _ measured: Measured) -> String { Self.exact(x, upTo: measured.fromMaster ? 3 : 6) }
        func nominalText(_ measured: Measured, _ tolerance: Double) -> String {
            "(nominal \(number(measured.nominal, measured)) ± \(Self.exact(tolerance))"
                + (measured.fromMaster ? " from the master)" : ")")
        }
        let parts = offenders.map { measured, tolerance in
            let limit = bound(measured, tolerance)
            let side = measured.value < limit ? "below" : "above"
            return "\(measured.label) \(Self.measured(measured.value, near: limit)) mm \(side) "
                + "\(number(limit, measured)) mm" + (shared ? "" : " " + nominalText(measured, tolerance))
        }
        let message = "\(subject) \(parts.joined(separator: ", "))"
            + (shared ? " " + nominalText(item, tiers[worstTier].limit) : "")
        let defect = Defect(check: name, defectClass: defectClass, value: item.value,
                            limit: bound(item, tiers[worstTier].limit), message: message)
        return CheckVerdict(result: result, defect: defect, note: nil)
    }

    /// At most `max`: the value must not exceed the first tier's max.
    private func judgeMaximum(subject: String, value: Double, tiers: [Tier], words: [String]) -> CheckVerdict {
        guard let first = tiers.first else {
            return notJudged(value: value.isFinite ? value : 0, nominal: nil, lower: nil, upper: nil,
                             note: "\(name) not judged: the check has no max")
        }
        guard value.isFinite else {
            return notJudged(value: 0, nominal: nil, lower: nil, upper: first.limit,
                             note: "\(name) not judged: the value could not be measured")
        }
        var result = CompareResult.CheckResult(check: name, value: value, nominal: nil, lower: nil,
                                               upper: first.limit, status: "ok")
        guard let tierIndex = Self.lastTier(tiers, where: { value > $0.limit + Self.slack }) else {
            return CheckVerdict(result: result, defect: nil, note: nil)
        }
        let tier = tiers[tierIndex]
        result.status = tier.defectClass.rawValue
        let unit = kind.unit == "mm" ? " mm" : ""
        let decimals = kind.unit == "mm" ? 2 : 1
        let message = "\(subject) \(Self.measured(value, near: tier.limit, decimals: decimals))\(unit) above "
            + "\(Self.exact(tier.limit, decimals: decimals))\(unit)"
            + (words.isEmpty ? "" : " (\(words.joined(separator: ", ")))")
        let defect = Defect(check: name, defectClass: tier.defectClass, value: value, limit: tier.limit, message: message)
        return CheckVerdict(result: result, defect: defect, note: nil)
    }

    private func notJudged(value: Double, nominal: Double?, lower: Double?, upper: Double?, note: String) -> CheckVerdict {
        CheckVerdict(result: CompareResult.CheckResult(check: name, value: value, nominal: nominal, lower: lower,
                                                       upper: upper, status: Self.notMeasured),
                     defect: nil, note: note)
    }

    /// Index of the last tier `exceeds` holds for (tiers are in increasing limit order), nil for none.
    static func lastTier(_ tiers: [Tier], where exceeds: (Tier) -> Bool) -> Int? {
        tiers.indices.last { exceeds(tiers[$0]) }
    }

    /// `x` rounded to 1e-9, so that 0.80 − 0.10 reads 0.70 and not 0.7000000000000001.
    static func tidy(_ x: Double) -> Double { (x * 1e9).rounded() / 1e9 }

    /// A sheet number with as few decimals as represent it (at least `decimals`, at most `upTo`): 0.70, 0.125.
    static func exact(_ x: Double, decimals: Int = 2, upTo limit: Int = 6) -> String {
        for places in decimals..<max(decimals, limit) {
            let text = fixed(x, places)
            if let back = Double(text), abs(back - x) < 1e-9 { return text }
        }
        return fixed(x, max(decimals, limit))
    }

    /// A measured value with `decimals` places, or more (up to 4) where fewer would print it equal to `limit`.
    static func measured(_ x: Double, near limit: Double, decimals: Int = 2) -> String {
        var places = decimals
        while places < 4, let shown = Double(fixed(x, places)), shown == tidy(limit) { places += 1 }
        return fixed(x, places)
    }

    /// `x` with exactly `places` decimals, rounded half away from zero; locale-free and without Foundation.
    static func fixed(_ x: Double, _ places: Int) -> String {
        var scale = 1.0
        for _ in 0..<max(0, places) { scale *= 10 }
        let scaled = (abs(x) * scale).rounded()
        guard x.isFinite, scaled < 9e15 else { return "\(x)" }
        let units = Int(scaled), divisor = Int(scale)
        let sign = x < 0 && units != 0 ? "-" : ""
        guard places > 0 else { return "\(sign)\(units)" }
        let fraction = String(units % divisor)
        return "\(sign)\(units / divisor)." + String(repeating: "0", count: places - fraction.count) + fraction
    }
}
