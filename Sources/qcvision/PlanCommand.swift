import ArgumentParser
import Foundation
import QCSampling

/// `qcvision plan`: the ISO 2859-1 (ANSI/ASQ Z1.4) single sampling plan for a lot:
/// code letter, sample size and Ac/Re per defect class, and optionally which cartons
/// to open.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show the AQL sampling plan for a lot: code letter, sample size, Ac and Re per defect class.",
        discussion: """
        Looks the lot up in ISO 2859-1:1999 (equivalent to ANSI/ASQ Z1.4): Table 1 gives the \
        sample-size code letter for the lot size and inspection level, and the master table for \
        the inspection severity gives the sample size, the acceptance number Ac and the rejection \
        number Re for each AQL. Arrows in the tables are followed to the first plan in their \
        direction, with that plan's own sample size; when the sample size reaches the lot size the \
        whole lot is inspected. AQL 0 means zero acceptance (Ac 0, Re 1 at the lot's sample size), \
        the usual choice for critical defects. A class is accepted when its count is at most Ac; \
        the lot is rejected when any class reaches Re.

        Levels: general levels I, II (default) and III; special levels S-1 to S-4 for small \
        samples. Many buyers' receiving habit (32-50 pieces for lots under 5,000 units, 50-80 for \
        5,000-20,000) corresponds roughly to levels S-4 and I, not to the default level II.

        With --cartons the plan also says which cartons to open and how many units to pull from \
        each, spread over early-, mid- and late-packed cartons (carton numbers in packing order). \
        The same --seed gives the same cartons; without it a new seed is chosen and printed.

        --edition z14 uses the ANSI/ASQ Z1.4 (MIL-STD-105E) reduced table, whose plans have a gap \
        between Ac and Re (for example Ac 1, Re 3): a count in the gap accepts the lot and \
        reinstates normal inspection. Normal and tightened tables are the same in both editions.

        Examples:
          qcvision plan --lot-size 6000 --level II --aql critical=0,major=2.5,minor=4.0
          qcvision plan --lot-size 6000 --aql 2.5 --json
          qcvision plan --lot-size 3000 --level S-4 --aql 2.5 --severity tightened
          qcvision plan --lot-size 6000 --aql major=2.5 --cartons 60 --seed 42
          qcvision plan --lot-size 6000 --aql 2.5 --severity reduced --edition z14
        """)

    @Option(help: "Number of units in the lot.")
    var lotSize: Int

    @Option(help: ArgumentHelp("Inspection level: S-1, S-2, S-3, S-4, I, II or III.", valueName: "level"))
    var level: String = "II"

    @Option(help: ArgumentHelp(
        "AQL: one value (2.5) or one per class (critical=0,major=2.5,minor=4.0); 0 means zero acceptance.",
        valueName: "aql"))
    var aql: String

    @Option(help: ArgumentHelp("Inspection severity: normal, tightened or reduced.", valueName: "severity"))
    var severity: String = "normal"

    @Option(help: ArgumentHelp(
        "Tables: iso (ISO 2859-1:1999) or z14 (ANSI/ASQ Z1.4 reduced table, with Ac/Re gaps).",
        valueName: "edition"))
    var edition: String = "iso"

    @Option(help: "Cartons in the lot, numbered in packing order: adds a pull plan.")
    var cartons: Int?

    @Option(help: "Units per carton (with --cartons): no carton is asked for more than it holds.")
    var unitsPerCarton: Int?

    @Option(help: "Seed for the pull plan (with --cartons); the same seed gives the same cartons.")
    var seed: UInt64?

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    /// The command line, read into the sampling module's types.
    struct Inputs {
        var level: InspectionLevel
        var aqls: AQLSpecification
        var severity: InspectionSeverity
        var edition: SamplingEdition
    }

    func inputs() throws -> Inputs {
        do {
            return Inputs(level: try InspectionLevel(parsing: level),
                          aqls: try AQLSpecification(parsing: aql),
                          severity: try InspectionSeverity(parsing: severity),
                          edition: try SamplingEdition(parsing: edition))
        } catch {
            throw ValidationError(error.description)
        }
    }

    func validate() throws {
        if lotSize < 1 { throw ValidationError("--lot-size must be at least 1 unit.") }
        if let cartons, cartons < 1 { throw ValidationError("--cartons must be at least 1.") }
        if let unitsPerCarton, unitsPerCarton < 1 { throw ValidationError("--units-per-carton must be at least 1.") }
        if cartons == nil, unitsPerCarton != nil || seed != nil {
            throw ValidationError("--units-per-carton and --seed only apply to a pull plan; add --cartons.")
        }
        _ = try inputs()
    }

    func run() throws {
        let inputs = try inputs()
        let plan: LotSamplingPlan
        var pull: PullPlan?
        do {
            plan = try LotSamplingPlan(lotSize: lotSize, level: inputs.level, aqls: inputs.aqls,
                                       severity: inputs.severity, edition: inputs.edition)
            if let cartons {
                pull = try PullPlan.make(sampleSize: plan.unitsToInspect, cartons: cartons,
                                         unitsPerCarton: unitsPerCarton, seed: seed ?? Self.freshSeed())
            }
        } catch {
            throw ValidationError(error.description)
        }
        if json {
            print(try Self.jsonText(Self.output(plan: plan, pull: pull)))
        } else {
            print(Self.describe(plan: plan, pull: pull))
        }
    }

    // MARK: - JSON

    /// One plan in the JSON output (snake_case keys; scripts rely on them).
    struct ClassOutput: Encodable {
        var aql: Double
        var codeLetter: String
        var sampleSize: Int
        var accept: Int
        var reject: Int
        var inspectAll: Bool

        enum CodingKeys: String, CodingKey {
            case aql, accept, reject
            case codeLetter = "code_letter"
            case sampleSize = "sample_size"
            case inspectAll = "inspect_all"
        }
    }

    /// One carton of the pull plan in the JSON output.
    struct PullOutput: Encodable {
        var carton: Int
        var units: Int
        var segment: String
    }

    /// The JSON document. With a single bare AQL the plan's five fields (code_letter,
    /// sample_size, accept, reject, inspect_all) sit at the top level; with AQLs per
    /// class they are under "classes", keyed by class name.
    struct Output: Encodable {
        var lotSize: Int
        var inspectionLevel: String
        var severity: String
        var edition: String
        var lotCodeLetter: String
        var unitsToInspect: Int
        var aql: Double?
        var codeLetter: String?
        var sampleSize: Int?
        var accept: Int?
        var reject: Int?
        var inspectAll: Bool?
        var classes: [String: ClassOutput]?
        var pullPlan: [PullOutput]?
        var seed: UInt64?

        enum CodingKeys: String, CodingKey {
            case aql, accept, reject, classes, seed, severity, edition
            case lotSize = "lot_size"
            case inspectionLevel = "inspection_level"
            case lotCodeLetter = "lot_code_letter"
            case unitsToInspect = "units_to_inspect"
            case codeLetter = "code_letter"
            case sampleSize = "sample_size"
            case inspectAll = "inspect_all"
            case pullPlan = "pull_plan"
        }
    }

    static func output(plan: LotSamplingPlan, pull: PullPlan?) -> Output {
        var output = Output(lotSize: plan.lotSize, inspectionLevel: plan.level.rawValue,
                            severity: plan.severity.rawValue, edition: plan.edition.rawValue,
                            lotCodeLetter: plan.lotCodeLetter.rawValue, unitsToInspect: plan.unitsToInspect)
        if case .single = plan.aqls, let single = plan.plans.first?.plan {
            output.aql = single.aql.value
            output.codeLetter = single.codeLetter.rawValue
            output.sampleSize = single.sampleSize
            output.accept = single.accept
            output.reject = single.reject
            output.inspectAll = single.inspectAll
        } else {
            var classes: [String: ClassOutput] = [:]
            for (scope, classPlan) in plan.plans {
                classes[scope.description] = ClassOutput(
                    aql: classPlan.aql.value, codeLetter: classPlan.codeLetter.rawValue,
                    sampleSize: classPlan.sampleSize, accept: classPlan.accept,
                    reject: classPlan.reject, inspectAll: classPlan.inspectAll)
            }
            output.classes = classes
        }
        if let pull {
            output.pullPlan = pull.picks.map { PullOutput(carton: $0.carton, units: $0.units, segment: $0.segment.rawValue) }
            output.seed = pull.seed
        }
        return output
    }

    static func jsonText<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    // MARK: - Text

    static func describe(plan: LotSamplingPlan, pull: PullPlan?) -> String {
        var lines: [String] = []
        let band = (try? SampleSizeCodeTable.row(forLotSize: plan.lotSize).lotSizes.description) ?? ""
        lines.append("Lot of \(plan.lotSize) units, inspection level \(plan.level), "
            + "\(plan.severity) inspection, \(plan.edition.title)")
        lines.append("Code letter \(plan.lotCodeLetter) (Table 1: lots of \(band) at level \(plan.level))")
        lines.append("")

        let header = ["class", "AQL", "code", "sample", "Ac", "Re"]
        var rows: [[String]] = []
        for (scope, classPlan) in plan.plans {
            rows.append([scope.description, classPlan.aql.label, classPlan.codeLetter.rawValue,
                         String(classPlan.sampleSize), String(classPlan.accept), String(classPlan.reject)])
        }
        let widths = header.indices.map { column in
            ([header[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0
        }
        func format(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return column < 3 ? cell + pad : pad + cell      // text left, numbers right
            }.joined(separator: "  ")
        }
        lines.append(format(header))
        lines += rows.map(format)
        lines.append("")

        lines.append("Inspect \(plan.unitsToInspect) unit\(plan.unitsToInspect == 1 ? "" : "s"). "
            + "A class is accepted when its count is at most Ac; the lot is rejected when any class reaches Re.")
        for (scope, classPlan) in plan.plans {
            let name = scope == .allDefects ? "The plan" : "\(scope.description.capitalized)"
            if classPlan.aql.isZeroAcceptance {
                lines.append("\(name): AQL 0, zero acceptance (a single defect rejects the lot).")
            } else if classPlan.codeLetter != plan.lotCodeLetter {
                let direction = classPlan.codeLetter > plan.lotCodeLetter ? "below" : "above"
                lines.append("\(name): the table's arrow leads to the first plan \(direction), "
                    + "code letter \(classPlan.codeLetter), with its own sample size \(classPlan.tableSampleSize).")
            }
            if classPlan.inspectAll {
                lines.append("\(name): the sample size \(classPlan.tableSampleSize) reaches the lot size: "
                    + "inspect all \(plan.lotSize) units (100 %).")
            }
            if classPlan.hasReinstatementGap {
                lines.append("\(name): a count from \(classPlan.accept + 1) to \(classPlan.reject - 1) "
                    + "accepts the lot but reinstates normal inspection (ANSI/ASQ Z1.4).")
            }
        }
        if plan.plans.count > 1, Set(plan.plans.map(\.plan.sampleSize)).count > 1 {
            lines.append("Classes with a smaller sample are judged on the first units drawn, up to their own sample size.")
        }

        if let pull {
            lines.append("")
            lines.append("Pull plan: open \(pull.picks.count) of \(pull.cartonCount) carton\(pull.cartonCount == 1 ? "" : "s") "
                + "(seed \(pull.seed); repeat with --seed \(pull.seed))")
            let thirds = PullPlan.segments(cartons: pull.cartonCount)
            for third in thirds {
                let picks = pull.picks.filter { $0.segment == third.segment }
                let range = third.cartons.count == 1 ? "carton \(third.cartons.lowerBound)"
                    : "cartons \(third.cartons.lowerBound)-\(third.cartons.upperBound)"
                lines.append("  \(third.segment.rawValue.padding(toLength: 5, withPad: " ", startingAt: 0)) "
                    + "(\(range)): \(pull.units(in: third.segment)) units")
                for pick in picks {
                    lines.append("    carton \(pick.carton): \(pick.units) unit\(pick.units == 1 ? "" : "s")")
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A seed for a pull plan when none was given: different on every run, printed so
    /// the same cartons can be drawn again with --seed.
    static func freshSeed() -> UInt64 {
        var generator = SplitMix64(seed: UInt64(bitPattern: Int64(Date().timeIntervalSince1970 * 1_000_000)))
        return generator.next() % 1_000_000
    }
}
