import QCColor

/// Splits the master's artwork into regions of one colour: the plating and each enamel fill.
///
/// Cells of a grid over the design frame (one master pixel each) are converted to white-referenced
/// CIELAB. Cluster centres come from farthest-point seeding over "flat" cells (no strong colour change
/// to their neighbours, so blurred boundary mixtures do not seed clusters), starting from the plating
/// colour read just inside the outline, then Lloyd iterations (k-means, Lloyd 1982); centres closer than
/// ΔE*ab 10 are merged and clusters under 0.5 % of the flat cells dropped. Every cell then takes the
/// nearest centre, blurred transition cells go back to the two regions they mix (`resolveMixedSlivers`),
/// a 3×3 majority filter removes speckle, and
/// regions smaller than 0.2 mm² are absorbed by their surroundings. The plating is the cluster holding
/// most of the band just inside the outline.
enum RegionSegmenter {
    struct Result {
        var labels: [Int8]
        var centres: [Lab]
        var metal: Int
    }

    static func segment(lab: [Lab?], width w: Int, height h: Int, rimBand: [Int], cellMM: Double,
                        file: String) throws(InspectionError) -> Result {
        let n = w * h
        func dE(_ a: Lab, _ b: Lab) -> Double {
            let dl = a.l - b.l, da = a.a - b.a, db = a.b - b.b
            return (dl * dl + da * da + db * db).squareRoot()
        }
        // Flat cells: every 4-neighbour inside and within ΔE 5.
        var flat: [Int] = []
        for y in 1..<(h - 1) {
            for x in 1..<(w - 1) {
                let i = y * w + x
                guard let c = lab[i] else { continue }
                var ok = true
                for j in [i - 1, i + 1, i - w, i + w] {
                    guard let d = lab[j], dE(c, d) < 5 else { ok = false; break }
                }
                if ok { flat.append(i) }
            }
        }
        guard flat.count > 100 else { throw .segmentation(file: file, detail: "too few uniform areas") }
        // Seed with the plating colour (median Lab of the rim band), then farthest points.
        let band = rimBand.compactMap { lab[$0] }
        guard !band.isEmpty else { throw .segmentation(file: file, detail: "the rim could not be sampled") }
        func median(_ v: [Double]) -> Double { let s = v.sorted(); return s[s.count / 2] }
        var centres = [Lab(median(band.map(\.l)), median(band.map(\.a)), median(band.map(\.b)))]
        // Subsample flat cells for speed (deterministic stride).
        let stride = max(1, flat.count / 20000)
        let pool = Swift.stride(from: 0, to: flat.count, by: stride).map { lab[flat[$0]]! }
        while centres.count < 8 {
            var far = -1.0, pick: Lab?
            for c in pool {
                let d = centres.map { dE(c, $0) }.min()!
                if d > far { far = d; pick = c }
            }
            guard let p = pick, far > 12 else { break }
            centres.append(p)
        }
        // Lloyd iterations.
        for _ in 0..<12 {
            var sums = [(Double, Double, Double, Int)](repeating: (0, 0, 0, 0), count: centres.count)
            for c in pool {
                var bi = 0, bd = Double.infinity
                for (k, m) in centres.enumerated() { let d = dE(c, m); if d < bd { bd = d; bi = k } }
                sums[bi].0 += c.l; sums[bi].1 += c.a; sums[bi].2 += c.b; sums[bi].3 += 1
            }
            centres = zip(centres, sums).map { m, s in s.3 > 0 ? Lab(s.0 / Double(s.3), s.1 / Double(s.3), s.2 / Double(s.3)) : m }
        }
        // Merge near centres, drop tiny clusters.
        var merged: [Lab] = []
        for c in centres where !merged.contains(where: { dE($0, c) < 10 }) { merged.append(c) }
        var counts = [Int](repeating: 0, count: merged.count)
        for c in pool {
            let k = merged.indices.min { dE(c, merged[$0]) < dE(c, merged[$1]) }!
            counts[k] += 1
        }
        let keep = merged.indices.filter { Double(counts[$0]) >= 0.005 * Double(pool.count) }
        let finalCentres = keep.map { merged[$0] }
        guard finalCentres.count >= 2 else {
            throw .segmentation(file: file, detail: "only one colour found inside the outline")
        }
        // Assign: nearest centre by colour.
        var labels = [Int8](repeating: -1, count: n)
        for i in 0..<n {
            guard let c = lab[i] else { continue }
            labels[i] = Int8(finalCentres.indices.min { dE(c, finalCentres[$0]) < dE(c, finalCentres[$1]) }!)
        }
        labels = resolveMixedSlivers(labels, lab: lab, centres: finalCentres, width: w, height: h)
        // Majority filter twice (inside cells only).
        for _ in 0..<2 {
            var next = labels
            for y in 1..<(h - 1) {
                for x in 1..<(w - 1) {
                    let i = y * w + x
                    guard labels[i] >= 0 else { continue }
                    var votes = [Int](repeating: 0, count: finalCentres.count)
                    for dy in -1...1 { for dx in -1...1 { let l = labels[i + dy * w + dx]; if l >= 0 { votes[Int(l)] += 1 } } }
                    let best = votes.indices.max { votes[$0] < votes[$1] }!
                    if votes[best] >= 5 { next[i] = Int8(best) }
                }
            }
            labels = next
        }
        // Absorb small regions into the surrounding label.
        let minCells = Int(0.2 / (cellMM * cellMM))
        var visited = [Bool](repeating: false, count: n)
        for start in 0..<n where labels[start] >= 0 && !visited[start] {
            let l = labels[start]
            var comp: [Int] = [], stack = [start], border: [Int8: Int] = [:]
            visited[start] = true
            while let i = stack.popLast() {
                comp.append(i)
                let x = i % w, y = i / w
                for (j, ok) in [(i - 1, x > 0), (i + 1, x < w - 1), (i - w, y > 0), (i + w, y < h - 1)] where ok {
                    if labels[j] == l { if !visited[j] { visited[j] = true; stack.append(j) } }
                    else if labels[j] >= 0 { border[labels[j], default: 0] += 1 }
                }
            }
            // Ties go to the lower label: a dictionary's order changes from run to run.
            if comp.count < minCells, let into = border.max(by: { ($0.value, -Int($0.key)) < ($1.value, -Int($1.key)) })?.key {
                for i in comp { labels[i] = into }
            }
        }
        let bandLabels = rimBand.map { labels[$0] }.filter { $0 >= 0 }
        var bandVotes = [Int](repeating: 0, count: finalCentres.count)
        for l in bandLabels { bandVotes[Int(l)] += 1 }
        let metal = bandVotes.indices.max { bandVotes[$0] < bandVotes[$1] } ?? 0
        // Specular highlights are the plating seen brighter: lighter than the plating with the same
        // hue and chroma (a*, b* within 8). They belong to the plating, not to a region of their own.
        let m = finalCentres[metal]
        for (k, c) in finalCentres.enumerated() where k != metal && c.l > m.l && abs(c.a - m.a) < 8 && abs(c.b - m.b) < 8 {
            for i in labels.indices where labels[i] == Int8(k) { labels[i] = Int8(metal) }
        }
        return Result(labels: labels, centres: finalCentres, metal: metal)
    }

    /// Gives blurred transition cells back to the regions they mix.
    ///
    /// Across a blurred boundary between regions A and B the cells pass through mixtures of the two
    /// colours, and a mixture can be nearer to a third centre C than to A or B (gold and dark blue
    /// blend to something close to light blue). Nearest-centre assignment then leaves a sliver of C one
    /// or two cells wide along the whole boundary, which the majority filter keeps (it is as wide as the
    /// window), and the master gains an A/C and a C/B boundary that exist nowhere on the unit.
    /// A cell of label C is a mixture when, along some direction (the two axes or the diagonals), its
    /// run of C is at most 3 cells long and ends in two other, different labels A and B, and its colour
    /// lies nearer to the A–B mixing curve (linear-light blends, as optical blur mixes them) than to C.
    /// A real feature (a 0.3 mm metal line between two fills) keeps its own colour, far from the
    /// mixing curve of its neighbours, so it stays.
    static func resolveMixedSlivers(_ labels: [Int8], lab: [Lab?], centres: [Lab], width w: Int, height h: Int) -> [Int8] {
        let k = centres.count
        let linear = centres.map { ColourConversion.linearRGB($0) }
        // Mixing curves: Lab of (1-t)·A + t·B in linear light, t in steps of 1/32.
        var curves = [[Lab]](repeating: [], count: k * k)
        for a in 0..<k {
            for b in 0..<k where a != b {
                curves[a * k + b] = (0...32).map { s in
                    let t = Double(s) / 32, p = linear[a], q = linear[b]
                    return ColourConversion.lab(LinearRGB(p.r + t * (q.r - p.r), p.g + t * (q.g - p.g), p.b + t * (q.b - p.b)))
                }
            }
        }
        func dE(_ p: Lab, _ q: Lab) -> Double {
            let dl = p.l - q.l, da = p.a - q.a, db = p.b - q.b
            return (dl * dl + da * da + db * db).squareRoot()
        }
        let maxRun = 3
        var out = labels
        for y in 0..<h {
            for x in 0..<w {
                let i = y * w + x
                let c = labels[i]
                guard c >= 0, let colour = lab[i] else { continue }
                var bestPair: (Int, Int)?, bestRun = Int.max
                for (dx, dy) in [(1, 0), (0, 1), (1, 1), (1, -1)] {
                    // Walk both ways while the label stays c.
                    func end(_ sign: Int) -> (steps: Int, label: Int8) {
                        var s = 1
                        while s <= maxRun {
                            let xx = x + sign * s * dx, yy = y + sign * s * dy
                            guard xx >= 0, yy >= 0, xx < w, yy < h else { return (s, -1) }
                            let l = labels[yy * w + xx]
                            if l != c { return (s, l) }
                            s += 1
                        }
                        return (s, c)
                    }
                    let back = end(-1), fwd = end(1)
                    let run = back.steps + fwd.steps - 1
                    guard run <= maxRun, back.label >= 0, fwd.label >= 0, back.label != c, fwd.label != c,
                          back.label != fwd.label, run < bestRun else { continue }
                    bestRun = run
                    bestPair = (Int(back.label), Int(fwd.label))
                }
                guard let (a, b) = bestPair else { continue }
                let curve = curves[a * k + b]
                let toCurve = curve.map { dE(colour, $0) }.min() ?? .infinity
                guard toCurve < dE(colour, centres[Int(c)]) else { continue }
                out[i] = Int8(dE(colour, centres[a]) <= dE(colour, centres[b]) ? a : b)
            }
        }
        return out
    }
}
