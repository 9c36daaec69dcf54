/// What a buyer proposes for units that fail one check (a control sheet's `dispositions`), used by lot
/// reports to suggest what to do with a rejected lot.
public enum Disposition: String, Sendable, Codable, CaseIterable {
    /// Keep the units at a reduced price (cosmetic faults such as plating tone or a slight fill shift).
    case acceptWithDiscount = "accept_with_discount"
    /// Send the units back to be corrected (re-polish, re-fill, re-plate).
    case rework
    /// The units cannot be saved; the factory makes new ones.
    case replace

    /// The values as written in a sheet, for error messages.
    static var spellings: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
