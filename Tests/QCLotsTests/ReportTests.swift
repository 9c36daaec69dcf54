import Foundation
import QCInspection
import QCLots
import Testing

@Suite("Reports")
struct ReportTests {
    @Test("CSV fields are quoted and doubled per RFC 4180, formulas neutralised")
    func csvEscaping() {
        #expect(DefectsCSV.quote("plain") == "plain")
        #expect(DefectsCSV.quote("a,b") == "\"a,b\"")
        #expect(DefectsCSV.quote("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(DefectsCSV.quote("two\nlines") == "\"two\nlines\"")
        #expect(DefectsCSV.text("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")")
        #expect(DefectsCSV.text("+1") == "'+1")
        #expect(DefectsCSV.text("@SUM") == "'@SUM")
        #expect(DefectsCSV.text("-cmd") == "'-cmd")
        #expect(DefectsCSV.text("-0.5") == "-0.5")
        #expect(DefectsCSV.text("carton-01") == "carton-01")
    }

    @Test("defects.csv: one row per defect with SKU, PO, lot, carton, photo, check, class, value, limit")
    func csvRows() throws {
        let lot = try TestLot(cartons: [("carton-01", [FakeUnit(shift: 0.2, deltaE: 2.5), .good]), ("carton-02", [.majorBorder])],
                              extraFiles: [])
        defer { lot.remove() }
        var result = try lot.score()
        result.po = "PO,88121 \"rush\""
        let csv = DefectsCSV.render(result)
        let lines = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 4)
        #expect(lines[0] == "sku,po,lot,carton,photo,check,class,value,limit,category,disposition,message")
        #expect(lines[1].hasPrefix("PIN-R30-GLD,\"PO,88121 \"\"rush\"\"\",L2611-A,carton-01,carton-01/u-001.jpg,fill_boundary_shift_mm,minor,0.2,0.15,cosmetic,accept_with_discount,"))
        #expect(lines[3].contains(",carton-02,carton-02/u-003.jpg,border_width_mm,major,0.62,0.7,functional,replace,"))
    }

    @Test("HTML escapes every text: file names, supplier, messages")
    func htmlEscaping() throws {
        #expect(HTMLEscaping.escape("<a href=\"x\">&'") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;")
        let lot = try TestLot(cartons: [("carton-01", [.majorBorder, .good])])
        defer { lot.remove() }
        var result = try lot.score()
        result.supplier = "<script>alert('s')</script>"
        result.units[0].photo = "carton-01/<img src=x onerror=alert(1)>.jpg"
        result.units[0].defects[0].message = "</li><script>bad()</script>"
        result.units[0].overlayPath = "overlays/a\"b <c>.png"
        let html = ReportHTML.render(result)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img src=x"))
        #expect(html.contains("&lt;script&gt;alert(&#39;s&#39;)&lt;/script&gt;"))
        #expect(html.contains("src=\"overlays/a%22b%20%3Cc%3E.png\""))
        #expect(!html.contains("http://") || !html.contains("<link"))
        #expect(!html.contains("<link") && !html.contains("<script"))
    }

    @Test("The report folder: report.json, defects.csv, overlays copied, report.html referencing them")
    func reportFolder() throws {
        let lot = try TestLot(cartons: [("carton-01", [.majorBorder, .good, .minorPlating]), ("carton-02", [.good, .broken])],
                              extraFiles: ["notes.txt"])
        defer { lot.remove() }
        let result = try lot.score()
        let directory = ReportWriter.defaultDirectory(lotDirectory: lot.directory)
        #expect(directory == lot.directory + "-report")
        let written = try ReportWriter.write(result, to: directory)
        let fm = FileManager.default
        for name in ["report.json", "defects.csv", "report.html", "overlays/carton-01__u-001.png", "overlays/carton-01__u-003.png"] {
            #expect(fm.fileExists(atPath: directory + "/" + name), "\(name)")
        }
        #expect(written.units[0].overlayPath == "overlays/carton-01__u-001.png")
        let decoded = try LotResult.decode(Data(contentsOf: URL(fileURLWithPath: directory + "/report.json")))
        #expect(decoded == written)
        #expect(decoded.ignoredFiles == ["notes.txt"])
        let html = try String(contentsOfFile: directory + "/report.html", encoding: .utf8)
        #expect(html.contains("src=\"overlays/carton-01__u-001.png\""))
        #expect(html.contains("REJECT") || html.contains("INCOMPLETE") || html.contains("ACCEPT"))
        #expect(html.contains("<svg"))
        #expect(html.contains("notes.txt"))
        #expect(html.contains("carton-02/u-005.jpg: not a JPEG file"))
        // By default only the defective units' overlays are copied.
        #expect(try fm.contentsOfDirectory(atPath: directory + "/overlays").sorted() == ["carton-01__u-001.png", "carton-01__u-003.png"])
        #expect(written.units[1].overlayPath == nil)
        // Writing again (all overlays) replaces the folder's overlays rather than adding numbered copies.
        try ReportWriter.write(result, to: directory, overlays: .all)
        try ReportWriter.write(result, to: directory, overlays: .all)
        let overlays = try fm.contentsOfDirectory(atPath: directory + "/overlays").sorted()
        #expect(overlays == ["carton-01__u-001.png", "carton-01__u-002.png", "carton-01__u-003.png", "carton-02__u-004.png"])
        try? fm.removeItem(atPath: directory)
    }

    @Test("Overlay names are safe and unique")
    func overlayNames() {
        var used = Set<String>()
        #expect(ReportWriter.overlayName(photo: "carton-01/u 1.jpg", source: "/t/x.PNG", used: &used) == "carton-01__u_1.png")
        #expect(ReportWriter.overlayName(photo: "carton-01/u?1.jpg", source: "/t/x.png", used: &used) == "carton-01__u_1-2.png")
        #expect(ReportWriter.overlayName(photo: "../../etc/passwd", source: "/t/x", used: &used) == "unit..__..__etc__passwd.png")
    }

    @Test("Charts are plain SVG with the tolerance band and limits")
    func charts() throws {
        let units = records([("carton-01", [.good, .majorBorder, .good]), ("carton-02", [.good, .good])])
        let bands = CheckBand.bands(from: units)
        #expect(bands.map(\.check) == ["overall_size_mm", "border_width_mm", "fill_boundary_shift_mm", "plating_tone_delta_e00"])
        let border = try #require(bands.first { $0.check == "border_width_mm" })
        #expect(border.lower == 0.7 && border.upper == 0.9 && border.nominal == 0.8)
        let plating = try #require(bands.last)
        #expect(plating.upper == 2.0 && plating.otherLimits.isEmpty)
        let svg = SVGCharts.distribution(border)
        #expect(svg.hasPrefix("<svg") && svg.hasSuffix("</svg>"))
        #expect(svg.contains("min 0.7") && svg.contains("max 0.9") && svg.contains("nominal 0.8"))
        #expect(!svg.contains("<script"))
    }
}

@Suite("Check bands")
struct CheckBandTests {
    @Test("Checks the engine could not judge (not_measured) are left out of bands and diagnosis")
    func notMeasuredSkipped() throws {
        var units = records([("carton-01", repeated(.good, 3))])
        units[0].checks[3] = .init(check: "plating_tone_delta_e00", value: 0, nominal: nil, lower: nil, upper: 2, status: "not_measured")
        let plating = try #require(CheckBand.bands(from: units).first { $0.check == "plating_tone_delta_e00" })
        #expect(plating.points.count == 2)
        #expect(units[0].checkValue("plating_tone_delta_e00") == nil)
        #expect(units[1].checkValue("plating_tone_delta_e00") == 0.6)
    }
}
