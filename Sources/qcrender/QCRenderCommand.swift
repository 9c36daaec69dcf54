import ArgumentParser
import Foundation
import QCColor
import QCImage
import QCRender

/// `qcrender`: writes synthetic inspection photos with exact truth (tests and demos only).
@main
struct QCRenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qcrender",
        abstract: "Render synthetic inspection photos (pins, coins beside a ruler) with exact truth JSON.",
        subcommands: [Fixtures.self, Photo.self, Preview.self])
}

/// `qcrender fixtures --out Fixtures`.
struct Fixtures: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Regenerate the committed fixture set (byte for byte).")

    @Option(name: .long, help: "Output folder.")
    var out: String = "Fixtures"

    func run() throws {
        let written = try FixtureSet.write(to: out)
        for path in written { print((out as NSString).appendingPathComponent(path)) }
    }
}

/// `qcrender photo --design pin-round-30 --out unit.jpg ...`.
struct Photo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render one photo and its truth (<out without extension>.truth.json).")

    @Option(help: "Design: \(DesignCatalogue.names.joined(separator: ", ")).") var design = "pin-round-30"
    @Option(help: "Finish: imitation-gold, bright-nickel, black-nickel, antique-brass.") var finish = "imitation-gold"
    @Option(help: "Pixels per mm.") var ppm = 20.0
    @Option(help: "Unit rotation (degrees, clockwise).") var rotation = 0.0
    @Option(help: "Ruler side: below, above, left, right.") var rulerSide = "below"
    @Option(help: "Extra ruler rotation (degrees).") var rulerAngle = 0.0
    @Option(help: "Ruler graduations (≥ 40).") var graduations = 60
    @Option(help: "Ruler polarity: dark_on_light or light_on_dark.") var polarity = "dark_on_light"
    @Option(help: "Background: grey, black, white, green, blue, or L,a,b.") var background = "grey"
    @Option(help: "Background texture strength (0 flat, 1 default).") var texture = 1.0
    @Option(help: "Relative exposure.") var exposure = 1.0
    @Option(help: "White-balance gains r,g,b.") var wb = "1,1,1"
    @Option(help: "Gaussian blur sigma (px).") var blur = 1.1
    @Option(help: "Sensor noise scale.") var noise = 1.0
    @Option(help: "Vignetting strength.") var vignetting = 0.08
    @Flag(help: "Even light: no shading, highlights, shadows or gradient.") var flatLight = false
    @Option(help: "Format: png8, png16, jpeg.") var format = "jpeg"
    @Option(help: "JPEG quality.") var quality = 90
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(help: "Unit and ruler offset in the frame, x,y mm.") var offset = "0,0"
    @Option(help: "Fill offset dx,dy (mm).") var fillOffset: String?
    @Option(help: "Move a metal feature: name:distance (mm).") var lineShift: String?
    @Option(help: "Overall scale factor.") var scale: Double?
    @Option(help: "Plating shift dL,da,db.") var plating: String?
    @Option(help: "Pit x,y,diameter (mm, design frame).") var pit: [String] = []
    @Option(help: "Scratch x0,y0,x1,y1,width (mm, design frame).") var scratch: [String] = []
    @Option(help: "Output photo path (.png or .jpg).") var out: String

    func numbers(_ s: String, _ count: Int, _ what: String) throws -> [Double] {
        let v = s.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard v.count == count else { throw ValidationError("\(what) needs \(count) comma-separated numbers, got \"\(s)\"") }
        return v
    }

    func run() throws {
        let d = try DesignCatalogue.design(named: design)
        guard let fin = Finish.named(finish) else { throw ValidationError("unknown finish \(finish)") }
        guard let side = RulerSide(rawValue: rulerSide) else { throw ValidationError("unknown ruler side \(rulerSide)") }
        guard let pol = RulerPolarity(rawValue: polarity) else { throw ValidationError("unknown polarity \(polarity)") }
        let bg: Background
        switch background {
        case "grey": bg = Background(.grey, texture: texture)
        case "black": bg = Background(.black, texture: texture)
        case "white": bg = Background(.white, texture: texture)
        case "green": bg = Background(Background.greenMat.kind, texture: texture)
        case "blue": bg = Background(Background.blueCard.kind, texture: texture)
        default:
            let v = try numbers(background, 3, "background")
            bg = Background(.coloured(Lab(v[0], v[1], v[2])), texture: texture)
        }
        let fmt: PhotoFormat
        switch format {
        case "png8": fmt = .png8
        case "png16": fmt = .png16
        case "jpeg", "jpg": fmt = .jpeg(quality: quality)
        default: throw ValidationError("unknown format \(format)")
        }
        let g = try numbers(wb, 3, "--wb")
        let o = try numbers(offset, 2, "--offset")
        var defects: [UnitDefect] = []
        if let s = fillOffset { let v = try numbers(s, 2, "--fill-offset"); defects.append(.fillOffset(dx: v[0], dy: v[1])) }
        if let s = lineShift {
            let parts = s.split(separator: ":")
            guard parts.count == 2, let dist = Double(parts[1]) else { throw ValidationError("--line-shift needs name:distance") }
            defects.append(.lineShift(feature: String(parts[0]), distance: dist))
        }
        if let s = scale { defects.append(.scale(factor: s)) }
        if let s = plating {
            let v = try numbers(s, 3, "--plating")
            defects.append(.platingShift(deltaL: v[0], deltaA: v[1], deltaB: v[2], label: "custom"))
        }
        for s in pit { let v = try numbers(s, 3, "--pit"); defects.append(.pit(x: v[0], y: v[1], diameter: v[2])) }
        for s in scratch {
            let v = try numbers(s, 5, "--scratch")
            defects.append(.scratch(from: Vec2(v[0], v[1]), to: Vec2(v[2], v[3]), width: v[4]))
        }
        let spec = PhotoSpec(design: d, finish: fin, pxPerMM: ppm, unitRotationDeg: rotation,
                             layout: Layout(rulerSide: side, rulerAngleDeg: rulerAngle, offsetMM: Vec2(o[0], o[1])),
                             ruler: Ruler(graduations: graduations, polarity: pol), background: bg,
                             lighting: flatLight ? .flat : .standard,
                             camera: Camera(exposure: exposure, whiteBalance: LinearRGB(g[0], g[1], g[2]), blurSigmaPx: blur,
                                            noise: noise, vignetting: vignetting, format: fmt),
                             defects: defects, seed: seed)
        let start = Date()
        let photo = try Renderer.render(spec)
        let elapsed = Date().timeIntervalSince(start)
        try photo.encoded.write(to: URL(fileURLWithPath: out))
        let truthPath = ((out as NSString).deletingPathExtension) + ".truth.json"
        try photo.truth.jsonData().write(to: URL(fileURLWithPath: truthPath))
        print("\(out): \(photo.scene.width)x\(photo.scene.height) px, \(photo.encoded.count) bytes, rendered in "
              + String(format: "%.3f s", elapsed))
        print(truthPath)
    }
}

/// `qcrender preview in.jpg out.png`: re-encodes a photo as 8-bit PNG for viewers that want PNG.
struct Preview: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Convert a PNG or JPEG photo to an 8-bit PNG for viewing.")

    @Argument(help: "Input photo.") var input: String
    @Argument(help: "Output PNG.") var output: String

    func run() throws {
        let photo = try PhotoDecoder().decode(file: input)
        try ImageEncoder.write(photo.image, to: output)
    }
}
