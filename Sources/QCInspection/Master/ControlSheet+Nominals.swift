extension ControlSheet {
    /// The nominals the sheet states explicitly (nil where it leaves them to the master).
    var nominalsGiven: (width: Double?, height: Double?, border: Double?) {
        var result: (width: Double?, height: Double?, border: Double?) = (nil, nil, nil)
        for check in checks {
            switch check {
            case .overallSize(let w, let h, _): result.width = w; result.height = h
            case .borderWidth(let n, _): result.border = n
            default: break
            }
        }
        return result
    }
}
