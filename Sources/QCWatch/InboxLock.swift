import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive advisory lock (flock) on `INBOX/.qcvision-watch.lock`, so two watchers never share an
/// inbox. Held for the life of the process; the kernel releases it when the process dies, even by kill -9.
public final class InboxLock: @unchecked Sendable {
    private let fd: Int32
    public let path: String

    public init(inbox: String) throws(WatchError) {
        path = (inbox as NSString).appendingPathComponent(".qcvision-watch.lock")
        fd = open(path, O_CREAT | O_RDWR, 0o644)
        guard fd >= 0 else { throw .filesystem(path: path, reason: String(cString: strerror(errno))) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            var buffer = [UInt8](repeating: 0, count: 64)
            let n = read(fd, &buffer, 63)
            let holder = n > 0 ? "pid " + String(decoding: buffer[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) : "another process"
            close(fd)
            throw .locked(inbox: inbox, holder: holder)
        }
        let pid = "\(getpid())\n"
        _ = ftruncate(fd, 0)
        _ = pid.withCString { write(fd, $0, strlen($0)) }
    }

    deinit { close(fd) }
}
