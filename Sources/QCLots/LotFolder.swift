import Foundation

/// The photos of a lot: `*.jpg`, `*.jpeg`, `*.png` (any case) directly in the lot folder or one level down in
/// carton folders (`carton-01/`, `carton-07_line-B_2611/`). Hidden files and folders are skipped; other files,
/// and folders nested deeper, are listed as ignored so the report can say what was not looked at.
public struct LotFolder: Sendable, Hashable {
    /// Photo extensions, lower case.
    public static let photoExtensions: Set<String> = ["jpg", "jpeg", "png"]

    public let directory: String
    /// Sorted by relative path (the order units are reported and counted in).
    public let photos: [LotPhoto]
    /// Relative paths of files that are not photos (lot.yaml excepted), and of nested folders (with a
    /// trailing `/`), sorted.
    public let ignored: [String]
    /// Carton folders found, sorted, including those without photos.
    public let cartons: [String]

    public init(directory: String, photos: [LotPhoto], ignored: [String] = [], cartons: [String]? = nil) {
        self.directory = directory
        self.photos = photos.sorted { $0.relativePath < $1.relativePath }
        self.ignored = ignored.sorted()
        self.cartons = cartons ?? Array(Set(photos.compactMap(\.carton))).sorted()
    }

    /// True for a file name with a photo extension.
    public static func isPhoto(_ name: String) -> Bool {
        photoExtensions.contains((name as NSString).pathExtension.lowercased())
    }

    /// Lists a lot folder. Throws when it cannot be read or holds no photo.
    public static func scan(_ directory: String) throws(LotError) -> LotFolder {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .folderUnreadable(path: directory, reason: "no such folder")
        }
        let top: [String]
        do { top = try fm.contentsOfDirectory(atPath: directory) } catch {
            throw .folderUnreadable(path: directory, reason: error.localizedDescription)
        }
        let lotCodes = CartonName.lotFolderCodes((directory as NSString).standardizingPath.split(separator: "/").last.map(String.init) ?? "")
        var photos: [LotPhoto] = []
        var ignored: [String] = []
        var cartons: [String] = []
        for name in top.sorted() where !name.hasPrefix(".") {
            let path = (directory as NSString).appendingPathComponent(name)
            if Self.isDirectory(path) {
                let carton = CartonName(folderName: name)
                cartons.append(carton.carton)
                let inner: [String]
                do { inner = try fm.contentsOfDirectory(atPath: path) } catch {
                    throw .folderUnreadable(path: path, reason: error.localizedDescription)
                }
                for file in inner.sorted() where !file.hasPrefix(".") {
                    let relative = name + "/" + file
                    let filePath = (path as NSString).appendingPathComponent(file)
                    if Self.isDirectory(filePath) {
                        ignored.append(relative + "/")
                    } else if isPhoto(file) {
                        photos.append(LotPhoto(relativePath: relative, path: filePath, carton: carton.carton,
                                               line: carton.line ?? lotCodes.line,
                                               dateCode: carton.dateCode ?? lotCodes.dateCode, codes: carton.codes))
                    } else {
                        ignored.append(relative)
                    }
                }
            } else if isPhoto(name) {
                photos.append(LotPhoto(relativePath: name, path: path, line: lotCodes.line, dateCode: lotCodes.dateCode))
            } else if name != LotFile.fileName {
                ignored.append(name)
            }
        }
        guard !photos.isEmpty else { throw .noPhotos(path: directory) }
        return LotFolder(directory: directory, photos: photos, ignored: ignored, cartons: Array(Set(cartons)).sorted())
    }

    private static func isDirectory(_ path: String) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue
    }
}
