import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Waits for something to happen in the inbox: the kernel's inotify on Linux (a new folder, a file
/// closed or moved in), with a timeout so settling folders are re-checked; plain sleeping when inotify is
/// unavailable (polling fallback). Never a busy loop.
final class InboxEvents: @unchecked Sendable {
    private var fd: Int32 = -1
    let usesInotify: Bool

    init(inbox: String) {
        #if os(Linux)
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        if fd >= 0 {
            let mask = UInt32(IN_CREATE | IN_MOVED_TO | IN_CLOSE_WRITE | IN_DELETE | IN_MOVED_FROM | IN_ATTRIB)
            if inotify_add_watch(fd, inbox, mask) < 0 { close(fd); fd = -1 }
        }
        #endif
        usesInotify = fd >= 0
    }

    /// Returns after an event or `timeout` seconds, whichever comes first (or early on a signal).
    func wait(timeout: TimeInterval) {
        let ms = Int32(max(10, timeout * 1000))
        if fd >= 0 {
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if poll(&p, 1, ms) > 0 {
                var buffer = [UInt8](repeating: 0, count: 4096)
                while read(fd, &buffer, buffer.count) > 0 {}   // drain; the scan decides what changed
            }
        } else {
            usleep(useconds_t(ms) * 1000)
        }
    }

    deinit { if fd >= 0 { close(fd) } }
}
