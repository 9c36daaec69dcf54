// qcbench: how long `compare` takes next to only decoding the photo, and lot throughput on 1 and N cores.
//
// Renders a ~15 MP JPEG unit photo (and a master), then prints medians of five runs of:
//  - libjpeg alone decoding it to an 8-bit buffer (the floor no pipeline can go below);
//  - the product's decode (8-bit planes plus the thumbnail made on the way);
//  - a full comparison in this process (decode + calibrate + locate + outline + register + every
//    measurement + judging, master already loaded), and its ratio to both decodes;
//  - the stages inside `compare` and its peak memory, read from child `qcvision compare` processes run
//    with QC_STAGE_TIMES=1 (peak memory is the child's own VmHWM: a parent's rusage of a child would
//    include the parent's high-water mark on Linux, and this process holds the renderer's buffers);
//  - the time to compare a batch of photos on 1 worker and on every core.
// Figures are printed, never asserted. `--keep DIR` leaves the photos and master in DIR for profiling
// (e.g. `perf record .build/release/qcvision compare DIR/m.qcmaster DIR/unit.jpg`).
// Run: swift run -c release qcbench [photos-in-batch] [--keep DIR]
import CCodecShims
import Dispatch
import Foundation
import QCCalibration
import QCImage
import QCInspection
import QCRender

var arguments = Array(CommandLine.arguments.dropFirst())
var keep: String?
if let k = arguments.firstIndex(of: "--keep"), k + 1 < arguments.count {
    keep = arguments[k + 1]
    arguments.removeSubrange(k...(k + 1))
}
let batch = arguments.first.flatMap { Int($0) } ?? 8
let dir = keep.map { URL(fileURLWithPath: $0) }
    ?? FileManager.default.temporaryDirectory.appendingPathComponent("qcbench-\(getpid())")
try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}
func median(_ v: [Double]) -> Double { v.sorted()[v.count / 2] }

let design = DesignCatalogue.pinRound30
let masterPath = dir.appendingPathComponent("master.png").path
try Renderer.render(PhotoSpec(design: design, pxPerMM: 16, seed: 900)).encoded.write(to: URL(fileURLWithPath: masterPath))
var master = try MeasuredMaster.create(photo: masterPath, sheet: root.appendingPathComponent("Fixtures/pin-round-30/sheet.yaml").path)
let masterDir = dir.appendingPathComponent("m.qcmaster").path
try master.save(to: masterDir, photo: masterPath)
// 40 px/mm and wide margins: about 4240 × 3480 px.
let unitSpec = PhotoSpec(design: design, pxPerMM: 40, unitRotationDeg: 30,
                         layout: Layout(marginMM: 20), background: .greenMat,
                         camera: Camera(format: .jpeg(quality: 92)), seed: 901)
let unit = try Renderer.render(unitSpec)
let unitPath = dir.appendingPathComponent("unit.jpg").path
try unit.encoded.write(to: URL(fileURLWithPath: unitPath))
let megapixels = Double(unit.image.width * unit.image.height) / 1e6
print("photo: \(unit.image.width) x \(unit.image.height) px (\(String(format: "%.1f", megapixels)) MP) JPEG, 40 px/mm, "
      + "\(ProcessInfo.processInfo.activeProcessorCount) cores")

/// libjpeg alone: the file's bytes (already in memory) to an interleaved 8-bit buffer.
func libjpegOnly(_ data: Data) -> Double {
    seconds {
        var info = qc_jpeg_info()
        var err = [CChar](repeating: 0, count: Int(QC_ERR_LEN))
        var pixels: UnsafeMutableRawPointer?
        _ = data.withUnsafeBytes { buf in
            qc_jpeg_decode(buf.bindMemory(to: UInt8.self).baseAddress, buf.count, UInt64(1) << 40, &info, &pixels, &err)
        }
        qc_free(pixels)
    }
}

let jpegData = try Data(contentsOf: URL(fileURLWithPath: unitPath))
let inspector = Inspector(master: master)
var floor: [Double] = [], decode: [Double] = [], compare: [Double] = []
for _ in 0..<5 {
    floor.append(libjpegOnly(jpegData))
    decode.append(try seconds { _ = try PhotoDecoder().decodePixels(file: unitPath, thumbnailFactor: RulerDetector.workingFactor) })
    compare.append(try seconds { _ = try inspector.compare(photo: unitPath) })
}
print(String(format: "libjpeg decode only (floor)   %6.3f s   median of 5", median(floor)))
print(String(format: "product decode + thumbnail    %6.3f s", median(decode)))
print(String(format: "compare, total                %6.3f s", median(compare)))
print(String(format: "ratio compare / libjpeg       %6.2f    (target 2.0, stretch 1.5)", median(compare) / median(floor)))
print(String(format: "ratio compare / product decode %5.2f", median(compare) / median(decode)))

/// Runs `qcvision compare` with QC_STAGE_TIMES=1 and returns its stage lines and peak memory.
func childStages() -> (stages: [(String, Double, Double)], peakMB: Double?, wall: Double)? {
    let exe = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("qcvision")
    guard FileManager.default.isExecutableFile(atPath: exe.path) else { return nil }
    let process = Process()
    process.executableURL = exe
    process.arguments = ["compare", masterDir, unitPath, "--json"]
    process.environment = ProcessInfo.processInfo.environment.merging(["QC_STAGE_TIMES": "1"]) { $1 }
    let err = Pipe()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = err
    let start = DispatchTime.now().uptimeNanoseconds
    guard (try? process.run()) != nil else { return nil }
    let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    var stages: [(String, Double, Double)] = [], peak: Double?
    for line in text.split(separator: "\n") {
        let words = line.split(separator: " ")
        // "stage NAME WALL s  cpu CPU s"
        if line.hasPrefix("stage "), let c = words.firstIndex(of: "cpu"), c >= 4, let t = Double(words[c - 2]),
           c + 1 < words.count, let cpu = Double(words[c + 1]) {
            stages.append((words[1..<(c - 2)].joined(separator: " "), t, cpu))
        } else if line.hasPrefix("peak memory "), words.count >= 3 {
            peak = Double(words[2])
        }
    }
    return (stages, peak, wall)
}
var runs: [(stages: [(String, Double, Double)], peakMB: Double?, wall: Double)] = []
for _ in 0..<5 { if let r = childStages() { runs.append(r) } }
if let first = runs.first {
    print("stages inside `qcvision compare` (median of \(runs.count) processes; wall, and CPU of all threads):")
    for (k, stage) in first.stages.enumerated() {
        let times = runs.compactMap { $0.stages.count > k ? $0.stages[k].1 : nil }
        let cpu = runs.compactMap { $0.stages.count > k ? $0.stages[k].2 : nil }
        print("  " + stage.0.padding(toLength: 16, withPad: " ", startingAt: 0)
              + String(format: " %6.3f s   cpu %6.3f s", median(times), median(cpu)))
    }
    // The whole command as an inspector runs it: process start, master load (beside the decode),
    // decode, comparison, JSON out.
    let walls = runs.map(\.wall)
    print(String(format: "`qcvision compare` process      %6.3f s   (median of %d; whole command, master load included)",
                 median(walls), walls.count))
    print(String(format: "ratio process / libjpeg       %6.2f", median(walls) / median(floor)))
    let peaks = runs.compactMap(\.peakMB)
    if !peaks.isEmpty {
        print(String(format: "peak memory of compare        %6.0f MB  (a qcvision compare process; target 300 MB)", peaks.max()!))
    }
} else {
    print("stages: build the qcvision product next to qcbench to see them")
}

// Lot throughput: the same photo compared `batch` times, on 1 worker and on every core.
let cores = ProcessInfo.processInfo.activeProcessorCount
func batchTime(workers: Int) -> Double {
    seconds {
        let queue = DispatchQueue(label: "bench", attributes: .concurrent)
        let group = DispatchGroup()
        let gate = DispatchSemaphore(value: workers)
        for _ in 0..<batch {
            gate.wait()
            queue.async(group: group) { _ = try? inspector.compare(photo: unitPath); gate.signal() }
        }
        group.wait()
    }
}
// The single-core baseline really is one core: compare's own per-point parallelism is switched off.
let one = ParallelMap.withWidthLimit(1) { batchTime(workers: 1) }
let all = ParallelMap.withWidthLimit(max(1, cores / cores)) { batchTime(workers: cores) }
print(String(format: "lot of %d photos   1 core %.2f s, %d workers %.2f s (%.2fx of single core; target <= 0.6)", batch, one, cores, all, all / one))
if keep == nil { try? FileManager.default.removeItem(at: dir) } else { print("photos kept in \(dir.path)") }
