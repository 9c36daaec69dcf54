import ArgumentParser

/// The `qcvision` command: turns an approved golden sample into a measured standard and holds units to it.
@main
struct QCVision: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qcvision",
        abstract: "Measure metal promo goods (enamel pins, coins, medals) from photos against a golden sample.",
        discussion: """
        Photograph units under fixed lighting (800-1000 lux) with a millimetre reference ruler in frame. \
        qcvision calibrates the scale from the ruler, measures the unit, judges it against the SKU's \
        control sheet and decides lots by ISO 2859-1 (AQL) single sampling.

        Examples:
          qcvision info Fixtures/pin-round-30/master.png
          qcvision plan --lot-size 6000 --level II --aql critical=0,major=2.5,minor=4.0
        """,
        subcommands: [InfoCommand.self, CalibrateCommand.self, MasterCommand.self, CompareCommand.self, PlanCommand.self, LotCommand.self, HistoryCommand.self, WatchCommand.self])
}
