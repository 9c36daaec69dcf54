/// Errors raised by the AQL sampling module (ISO 2859-1 / ANSI/ASQ Z1.4).
///
/// Every message says what was wrong and what to do about it, so the CLI can
/// print it as is.
public enum SamplingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The lot size is zero or negative.
    case invalidLotSize(Int)
    /// An AQL that is not one of the preferred values of ISO 2859-1 (clause 5, the
    /// column headings of Tables 2-A to 2-C).
    case nonStandardAQL(String)
    /// An inspection level other than S-1 ... S-4, I, II, III (ISO 2859-1 clause 10.1).
    case unknownInspectionLevel(String)
    /// A defect class other than critical, major or minor.
    case unknownDefectClass(String)
    /// An inspection severity other than normal, tightened or reduced.
    case unknownSeverity(String)
    /// An edition other than ISO 2859-1:1999 or ANSI/ASQ Z1.4.
    case unknownEdition(String)
    /// An `--aql` list that could not be read, such as `major=` or `=2.5`.
    case malformedAQLList(String)
    /// The same defect class appears twice in an AQL list.
    case duplicateDefectClass(DefectClass)
    /// An AQL list with no entries.
    case emptyAQLList
    /// A pull plan was asked for with no cartons.
    case invalidCartonCount(Int)
    /// A pull plan was asked for with a sample size below one.
    case invalidSampleSize(Int)
    /// A carton capacity below one unit.
    case invalidCartonCapacity(Int)
    /// The cartons cannot hold the sample (cartons x units per carton < sample size).
    case cartonsTooSmall(sampleSize: Int, cartons: Int, unitsPerCarton: Int)
    /// A unit was recorded with a negative number of defects.
    case negativeDefectCount(DefectClass, Int)
    /// A master table has no plan where one is expected (a transcription fault).
    case noPlanInTable(table: String, codeLetter: CodeLetter, aql: String)

    public var description: String {
        switch self {
        case .invalidLotSize(let size):
            return "invalid lot size \(size): a lot must contain at least 1 unit; give the number of units in the lot"
        case .nonStandardAQL(let text):
            return "'\(text)' is not a standard AQL; use 0 (zero acceptance) or one of the ISO 2859-1 values: "
                + AQL.standardLabels.joined(separator: ", ")
        case .unknownInspectionLevel(let text):
            return "unknown inspection level '\(text)'; use one of "
                + InspectionLevel.allCases.map(\.rawValue).joined(separator: ", ")
        case .unknownDefectClass(let text):
            return "unknown defect class '\(text)'; use one of "
                + DefectClass.allCases.map(\.rawValue).joined(separator: ", ")
        case .unknownSeverity(let text):
            return "unknown inspection severity '\(text)'; use one of "
                + InspectionSeverity.allCases.map(\.rawValue).joined(separator: ", ")
        case .unknownEdition(let text):
            return "unknown edition '\(text)'; use 'iso' (ISO 2859-1:1999, the default) or 'z14' (ANSI/ASQ Z1.4)"
        case .malformedAQLList(let text):
            return "cannot read the AQL list '\(text)'; write a single AQL such as 2.5, "
                + "or class=AQL pairs separated by commas such as critical=0,major=2.5,minor=4.0"
        case .duplicateDefectClass(let defectClass):
            return "defect class '\(defectClass.rawValue)' is given more than once in the AQL list; give each class once"
        case .emptyAQLList:
            return "the AQL list is empty; give a single AQL such as 2.5 or pairs such as major=2.5,minor=4.0"
        case .invalidCartonCount(let count):
            return "invalid carton count \(count): a pull plan needs at least 1 carton"
        case .invalidSampleSize(let size):
            return "invalid sample size \(size): a pull plan needs at least 1 unit to pull"
        case .invalidCartonCapacity(let capacity):
            return "invalid units per carton \(capacity): a carton holds at least 1 unit"
        case .cartonsTooSmall(let sampleSize, let cartons, let unitsPerCarton):
            return "\(cartons) cartons of \(unitsPerCarton) units hold only \(cartons * unitsPerCarton) units, "
                + "fewer than the sample of \(sampleSize); check the carton count and the units per carton"
        case .negativeDefectCount(let defectClass, let count):
            return "a unit was recorded with \(count) \(defectClass.rawValue) defects; defect counts cannot be negative"
        case .noPlanInTable(let table, let codeLetter, let aql):
            return "\(table) gives no plan for code letter \(codeLetter.rawValue) at AQL \(aql); "
                + "this is a fault in the stored table, please report it"
        }
    }
}
