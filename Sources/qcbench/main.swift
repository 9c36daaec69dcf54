// qcbench: how long `compare` takes next to only decoding the photo, and lot throughput on 1 and N cores.
//
// Renders a ~12 MP JPEG unit photo (and a master), then prints the median of several runs of: JPEG decode
// alone, ruler calibration alone, and a full comparison (decode + calibrate + locate + outline + register
// + every measurement + judging); the ratio compare/decode; the process's peak memory; and the time to
// compare a batch of photos with 1 and with all cores. Figures are printed, never asserted.
// Peak memory of compare is read from a child `qcvision compare` process (its ru_maxrss), so the
// renderer's buffers in this process do not count. `--keep DIR` leaves the photos and master in DIR for
// profiling (e.g. `perf record .build/release/qcvision compare DIR/m.qcmaster DIR/unit.jpg`).
// Run: swift run -c release qcbench [photos-in-batch] [--keep DIR]
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
func peakMemoryMB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return .nan }
    return (Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
}

let design = DesignCatalogue.pinRound30
let masterPath = dir.appendingPathComponent("master.png").path
try Renderer.render(PhotoSpec(design: design, pxPerMM: 16, seed: 900)).encoded.write(to: URL(fileURLWithPath: masterPath))
var master = try MeasuredMaster.create(photo: masterPath, sheet: root.appendingPathComponent("Fixtures/pin-round-30/sheet.yaml").path)
try master.save(to: dir.appendingPathComponent("m.qcmaster").path, photo: masterPath)
// 40 px/mm and wide margins: about 4000 × 3000 px.
let unitSpec = PhotoSpec(design: design, pxPerMM: 40, unitRotationDeg: 30,
                         layout: Layout(marginMM: 20), background: .greenMat,
                         camera: Camera(format: .jpeg(quality: 92)), seed: 901)
let unit = try Renderer.render(unitSpec)
let unitPath = dir.appendingPathComponent("unit.jpg").path
try unit.encoded.write(to: URL(fileURLWithPath: unitPath))
print("photo: \(unit.image.width) x \(unit.image.height) px (\(String(format: "%.1f", Double(unit.image.width * unit.image.height) / 1e6)) MP) JPEG, 40 px/mm")

let inspector = Inspector(master: master)
var decode: [Double] = [], calibrate: [Double] = [], compare: [Double] = []
for _ in 0..<5 {
    var image: Image?
    decode.append(try seconds { image = try PhotoDecoder().decode(file: unitPath).image })
    calibrate.append(try seconds { _ = try RulerDetector().calibrate(image!, file: unitPath) })
    compare.append(try seconds { _ = try inspector.compare(photo: unitPath) })
}
print(String(format: "decode only        %7.3f s (median of 5)", median(decode)))
print(String(format: "calibration        %7.3f s", median(calibrate)))
print(String(format: "compare (total)    %7.3f s", median(compare)))
print(String(format: "ratio compare/decode %5.2f   (target 2.0, stretch 1.5)", median(compare) / median(decode)))

/// Peak resident memory of a child `qcvision compare` run (ru_maxrss of the waited-for child).
func childPeakMemoryMB() -> Double? {
    let exe = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("qcvision")
    guard FileManager.default.isExecutableFile(atPath: exe.path) else { return nil }
    let process = Process()
    process.executableURL = exe
    process.arguments = ["compare", dir.appendingPathComponent("m.qcmaster").path, unitPath, "--json"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return nil }
    process.waitUntilExit()
    var usage = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}
if let child = childPeakMemoryMB() {
    print(String(format: "peak memory        %7.0f MB of a `qcvision compare` process (target 300 MB)", child))
} else {
    print("peak memory        (build the qcvision product to measure a compare process)")
}
print(String(format: "this process       %7.0f MB peak (renderer and batch included)", peakMemoryMB()))

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
let one = batchTime(workers: 1), all = batchTime(workers: cores)
print(String(format: "lot of %d photos   1 worker %.2f s, %d workers %.2f s (%.2fx of single; target <= 0.6)", batch, one, cores, all, all / one))
if keep == nil { try? FileManager.default.removeItem(at: dir) } else { print("photos kept in \(dir.path)") }
