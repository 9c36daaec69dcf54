import QCConfig
import QCSampling

/// What can go wrong while reading, scoring or reporting a lot; every message names the file, key or line
/// and says what to do, so the CLI can print it as is.
public enum LotError: Error, Equatable, Sendable, CustomStringConvertible {
    /// lot.yaml is missing a key, has an unknown key or a bad value (file and line inside).
    case lotFile(YAMLError)
    /// The lot folder does not exist or cannot be listed.
    case folderUnreadable(path: String, reason: String)
    /// The lot folder holds no photos (*.jpg, *.jpeg, *.png) in it or in its carton folders.
    case noPhotos(path: String)
    /// The sampling tables refused the lot size, level or AQLs.
    case sampling(SamplingError)
    /// The report folder or one of its files could not be written.
    case reportUnwritable(path: String, reason: String)

    public var description: String {
        switch self {
        case .lotFile(let error):
            return error.description
        case .folderUnreadable(let path, let reason):
            return "cannot read the lot folder \(path) (\(reason)); give a folder holding lot.yaml and the photos"
        case .noPhotos(let path):
            return "no photos in \(path): put the unit photos (*.jpg, *.jpeg, *.png) in the lot folder "
                + "or in carton folders such as carton-01/"
        case .sampling(let error):
            return error.description
        case .reportUnwritable(let path, let reason):
            return "cannot write the report at \(path) (\(reason)); choose another folder with --report"
        }
    }
}
