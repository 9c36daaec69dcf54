/// A sample-size code letter of ISO 2859-1 (Table 1 and the master Tables 2-A to 2-C).
///
/// Table 1 gives A ... R (the letters I and O are not used). Letter S (sample size
/// 3150) appears only as the last row of Table 2-B, tightened inspection, where
/// the arrows of AQL 0.025 lead to it. Cases are upper-case so they read like the
/// printed tables.
public enum CodeLetter: String, CaseIterable, Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    case A, B, C, D, E, F, G, H, J, K, L, M, N, P, Q, R
    /// Only in ISO 2859-1 Table 2-B (tightened inspection), sample size 3150.
    case S

    /// The letters of Table 1 (A ... R), without the tightened-only S.
    public static let tableOneLetters: [CodeLetter] = allCases.filter { $0 != .S }

    /// Row index in the master tables: A = 0 ... R = 15, S = 16.
    public var rowIndex: Int {
        switch self {
        case .A: return 0
        case .B: return 1
        case .C: return 2
        case .D: return 3
        case .E: return 4
        case .F: return 5
        case .G: return 6
        case .H: return 7
        case .J: return 8
        case .K: return 9
        case .L: return 10
        case .M: return 11
        case .N: return 12
        case .P: return 13
        case .Q: return 14
        case .R: return 15
        case .S: return 16
        }
    }

    /// The letter at a master-table row index, or nil outside A ... S.
    public init?(rowIndex: Int) {
        guard rowIndex >= 0, rowIndex < CodeLetter.allCases.count else { return nil }
        self = CodeLetter.allCases[rowIndex]
    }

    /// Reads a single letter, case-insensitive.
    public init?(parsing text: String) {
        self.init(rawValue: text.uppercased().trimmedWhitespace)
    }

    /// Sample size for normal and tightened inspection (ISO 2859-1 Tables 2-A and 2-B):
    /// A 2, B 3, C 5, D 8, E 13, F 20, G 32, H 50, J 80, K 125, L 200, M 315,
    /// N 500, P 800, Q 1250, R 2000, S 3150 (tightened only).
    public var normalSampleSize: Int {
        switch self {
        case .A: return 2
        case .B: return 3
        case .C: return 5
        case .D: return 8
        case .E: return 13
        case .F: return 20
        case .G: return 32
        case .H: return 50
        case .J: return 80
        case .K: return 125
        case .L: return 200
        case .M: return 315
        case .N: return 500
        case .P: return 800
        case .Q: return 1250
        case .R: return 2000
        case .S: return 3150
        }
    }

    /// Sample size for reduced inspection (ISO 2859-1 Table 2-C, Z1.4 Table II-C):
    /// A 2, B 2, C 2, D 3, E 5, F 8, G 13, H 20, J 32, K 50, L 80, M 125, N 200,
    /// P 315, Q 500, R 800. Nil for S, which has no reduced plan.
    public var reducedSampleSize: Int? {
        switch self {
        case .A, .B, .C: return 2
        case .D: return 3
        case .E: return 5
        case .F: return 8
        case .G: return 13
        case .H: return 20
        case .J: return 32
        case .K: return 50
        case .L: return 80
        case .M: return 125
        case .N: return 200
        case .P: return 315
        case .Q: return 500
        case .R: return 800
        case .S: return nil
        }
    }

    /// The sample size of this letter under the given severity (nil for S under
    /// normal or reduced inspection, where the S row does not exist).
    public func sampleSize(for severity: InspectionSeverity) -> Int? {
        switch severity {
        case .normal: return self == .S ? nil : normalSampleSize
        case .tightened: return normalSampleSize
        case .reduced: return reducedSampleSize
        }
    }

    public static func < (lhs: CodeLetter, rhs: CodeLetter) -> Bool { lhs.rowIndex < rhs.rowIndex }

    public var description: String { rawValue }
}
