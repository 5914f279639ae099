#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import CSettingsSupport
import struct NIOConcurrencyHelpers.NIOLockedValueBox
import Synchronization

/// One process-wide inotify instance that lets a ``FileStamp`` confirm "nothing changed" with a
/// single non-blocking `read()` instead of a `stat()` per file.
///
/// Stamps register the directories their files live in (every element of the symlink chain) and
/// the ancestors of those directories. Any event in any watched directory bumps one global
/// generation; a stamp that confirmed itself with a full `stat()` check at generation *g* trusts
/// "unchanged" for as long as a poll still returns *g*. An unrelated event only costs the stamps
/// one full check each, so correctness never depends on filtering events.
///
/// Why this is exact: the kernel queues an inotify event inside the `write`, `rename`, `unlink`,
/// `chmod` or `utimes` call that changes a directory entry or a file, before that call returns.
/// A stamp's baseline is taken *after* its watches exist and *before* the `stat()` that confirmed
/// the file, so every later change is either seen by that `stat()` or queues an event first.
///
/// Where it is not used (the stamp falls back to `stat()` on every check): platforms without
/// inotify, paths that are not absolute, filesystems whose changes may come from elsewhere
/// (NFS, SMB, FUSE, 9p, virtiofs — only local filesystems on an allow-list are watched), and when
/// the watch limit is reached. A full check also runs at least once per second whatever the
/// monitor says, as a bound on anything inotify cannot see (a filesystem mounted over a watched
/// directory).
package final class DirectoryChangeMonitor: Sendable {
    /// The shared monitor, or `nil` where inotify is unavailable (or disabled with
    /// `SETTINGS_FILE_NOTIFICATIONS=0` in the environment at first use).
    package static let shared: DirectoryChangeMonitor? = {
        if let flag = getenv("SETTINGS_FILE_NOTIFICATIONS"), String(cString: flag) == "0" { return nil }
        return DirectoryChangeMonitor()
    }()

    /// How long a baseline is trusted before a full check runs anyway.
    package static let maximumTrustNanoseconds: Int64 = 1_000_000_000

    /// What one poll saw.
    package struct Poll: Sendable {
        /// The generation after every queued event was counted.
        package let generation: UInt64
        /// `false` when another thread was counting events at the same moment: its events may
        /// not be in `generation` yet, so this poll cannot vouch for anything.
        package let isExclusive: Bool
    }

    private let descriptor: Int32
    private let generation = Atomic<UInt64>(1)
    /// Set while one thread drains the queue (a try-lock: nobody ever waits for it).
    private let draining = Atomic<Bool>(false)
    private let table = NIOLockedValueBox(WatchTable())

    private struct WatchTable {
        /// Directory path → watch descriptor, and whether child events are watched (`false`:
        /// only the directory's own rename or deletion, for ancestors).
        var byPath: [String: (descriptor: Int32, children: Bool)] = [:]
        /// The descriptors in `byPath`, kept alongside so "are these still active?" is a lookup.
        var active: Set<Int32> = []
        var watchCount: Int { byPath.count }

        mutating func forget(_ watches: [Int32]) {
            byPath = byPath.filter { !watches.contains($0.value.descriptor) }
            active.subtract(watches)
        }

        mutating func record(_ directory: String, descriptor: Int32, children: Bool) {
            byPath[directory] = (descriptor, children || (byPath[directory]?.children ?? false))
            active.insert(descriptor)
        }
    }

    /// More watched directories than this and new stamps fall back to `stat()`.
    private static let watchLimit = 4_096

    /// A separate inotify instance; production code uses ``shared`` (tests use their own so that
    /// other tests' file events cannot interfere).
    package init?() {
        #if os(Linux)
        let descriptor = inotify_init1(Int32(IN_NONBLOCK) | Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
        #else
        return nil
        #endif
    }

    deinit {
        close(descriptor)
    }

    // MARK: - Polling

    /// Counts every queued event into the generation and returns it. When nothing is queued this
    /// is one `ioctl(FIONREAD)` and two atomic loads, and it consumes nothing, so any number of
    /// threads can poll at once without stealing each other's events.
    ///
    /// The thread that finds events drains them, bumping the generation before *and* after its
    /// `read()` with the `draining` flag raised throughout. A poll that finds the queue empty
    /// because a drainer took its events therefore sees the raised flag (and vouches for nothing)
    /// or the final bump.
    package func poll() -> Poll {
        let pending = csettings_pending_bytes(descriptor)
        if pending != 0 {
            guard draining.compareExchange(expected: false, desired: true, ordering: .sequentiallyConsistent).exchanged else {
                return Poll(generation: generation.load(ordering: .sequentiallyConsistent), isExclusive: false)
            }
            generation.add(1, ordering: .sequentiallyConsistent)
            drain()
            generation.add(1, ordering: .sequentiallyConsistent)
            draining.store(false, ordering: .sequentiallyConsistent)
        }
        let busy = draining.load(ordering: .sequentiallyConsistent)
        return Poll(generation: generation.load(ordering: .sequentiallyConsistent), isExclusive: !busy && pending >= 0)
    }

    /// Reads until `EAGAIN`. Watches the kernel dropped
    /// (`IN_IGNORED`) or whose directory moved or vanished are forgotten so that the next
    /// registration adds them again.
    private func drain() {
        #if os(Linux)
        withUnsafeTemporaryAllocation(byteCount: 4096, alignment: 8) { buffer in
            guard let base = buffer.baseAddress else { return }
            while true {
                let count = read(descriptor, base, buffer.count)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return }
                var offset = 0
                var dropped: [Int32] = []
                while offset + 16 <= count {
                    let watch = base.load(fromByteOffset: offset, as: Int32.self)
                    let mask = base.load(fromByteOffset: offset + 4, as: UInt32.self)
                    let nameLength = base.load(fromByteOffset: offset + 12, as: UInt32.self)
                    if mask & (UInt32(IN_IGNORED) | UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)) != 0 { dropped.append(watch) }
                    offset += 16 + Int(nameLength)
                }
                if !dropped.isEmpty { forget(dropped) }
            }
        }
        #endif
    }

    private func forget(_ watches: [Int32]) {
        table.withLockedValue { $0.forget(watches) }
        // A moved directory keeps its watch at the new place; stop listening there.
        for watch in watches { _ = inotify_rm_watch(descriptor, watch) }
    }

    // MARK: - Registering

    /// Makes sure `directories` (absolute paths) are watched for changes to their entries, and
    /// their ancestors for being renamed or removed. An ancestor that is itself a symlink (a
    /// `current → releases/42` deployment link) can be swapped without touching the directories
    /// below it, so the directory holding that link is watched for entry changes too. Returns the
    /// watch descriptors, or `nil` when one of them cannot be watched (the caller keeps using
    /// `stat()`).
    package func watch(directories: [String]) -> [Int32]? {
        var descriptors: [Int32] = []
        for directory in directories {
            guard directory.hasPrefix("/"), let watch = add(directory, children: true) else { return nil }
            descriptors.append(watch)
            var current: String? = directory
            while let path = current, path != "/" {
                let parent = Self.parent(of: path)
                if Self.isSymlink(path), let parent {
                    guard let watch = add(parent, children: true) else { return nil }
                    descriptors.append(watch)
                }
                if path != directory {
                    guard let watch = add(path, children: false) else { return nil }
                    descriptors.append(watch)
                }
                current = parent
            }
        }
        return descriptors
    }

    private static func isSymlink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && UInt32(info.st_mode) & 0o170000 == 0o120000
    }

    /// `true` while every descriptor in `watches` is still registered (none was dropped).
    package func areActive(_ watches: [Int32]) -> Bool {
        table.withLockedValue { table in watches.allSatisfy(table.active.contains) }
    }

    private func add(_ directory: String, children: Bool) -> Int32? {
        #if os(Linux)
        let known = table.withLockedValue { $0.byPath[directory] }
        if let known, known.children || !children { return known.descriptor }
        let full = known == nil ? table.withLockedValue { $0.watchCount >= Self.watchLimit } : false
        guard !full, Self.isLocalFilesystem(directory) else { return nil }
        let selfEvents = UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)
        let childEvents =
            UInt32(IN_MODIFY) | UInt32(IN_ATTRIB) | UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_FROM)
            | UInt32(IN_MOVED_TO) | UInt32(IN_CREATE) | UInt32(IN_DELETE)
        let mask = selfEvents | (children ? childEvents : 0) | UInt32(IN_MASK_ADD) | UInt32(IN_ONLYDIR)
        let watch = inotify_add_watch(descriptor, directory, mask)
        guard watch >= 0 else { return nil }
        table.withLockedValue { $0.record(directory, descriptor: watch, children: children) }
        return watch
        #else
        return nil
        #endif
    }

    private static func parent(of path: String) -> String? {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return nil }
        if slash == path.utf8.startIndex { return path == "/" ? nil : "/" }
        return String(path[..<slash])
    }

    /// Filesystems whose every change goes through this kernel's VFS (so inotify sees it).
    private static func isLocalFilesystem(_ directory: String) -> Bool {
        #if os(Linux)
        let local: Set<Int> = [
            0xEF53,  // ext2/3/4
            0x5846_5342,  // xfs
            0x9123_683E,  // btrfs
            0x0102_1994,  // tmpfs
            0x794C_7630,  // overlayfs
            0x8584_58F6,  // ramfs
            0xF2F5_2010,  // f2fs
            0x2FC1_2FC1,  // zfs
        ]
        return local.contains(csettings_filesystem_type(directory))
        #else
        return false
        #endif
    }
}
