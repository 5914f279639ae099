public import Crypto
import struct NIOConcurrencyHelpers.NIOLockedValueBox
import Synchronization

/// A cheap, reliable answer to "is this settings file still what I read?".
///
/// Read a file with ``read(path:maxBytes:)``; keep the returned stamp next to whatever you built
/// from the bytes; call ``isUnchanged()`` on the hot path. A file that does not exist is a valid,
/// stamped state ("absent"), so creating it later is seen as a change.
///
/// ```swift
/// let snapshot = try FileStamp.read(path: "pixel.yaml")
/// let settings = try parse(snapshot.contents ?? [])   // `nil` contents: the file is absent
/// // later, on every request:
/// if !snapshot.stamp.isUnchanged() { /* read and parse again */ }
/// ```
///
/// ## How the check works
/// On Linux, for absolute paths on local filesystems, a stamp registers inotify watches on the
/// directories along its path (see `DirectoryChangeMonitor`); once a full check has confirmed the
/// file with the watches in place, ``isUnchanged()`` is one non-blocking `read()` on the shared
/// inotify descriptor that returns "no events" (and a full check runs at least once a second
/// anyway). Any event in a watched directory, or any platform or filesystem where that does not
/// apply, leads to the full check below.
///
/// The full check makes one `stat()` call on the configured path. `stat()` follows symlinks,
/// so it describes the final target, and the stamp compares its device, inode, size, mtime and
/// ctime (nanoseconds). That already catches:
/// - an in-place rewrite, even of the same size in the same second (mtime/ctime move);
/// - an atomic rename over the file (a new inode);
/// - a Kubernetes ConfigMap/Secret `..data` symlink swap (the target's inode changes);
/// - the file being created (absent → present) or deleted (present → absent).
/// No `realpath()` is needed on the hot path; ``symlinkChain`` is recorded at read time for
/// diagnostics and provenance only.
///
/// ## The racy-clean rule (from git)
/// A file modified within the filesystem's timestamp granularity of the moment it was read can be
/// modified again without its mtime changing (FAT: 2 s, HFS+: 1 s, coarse kernel clocks: a tick).
/// Such a stamp is *racy*: when its mtime is within ``racyWindowNanoseconds`` (2 s, conservative)
/// of the read, ``isUnchanged()`` re-reads the content and compares its SHA-256 with the digest
/// taken at read time whenever the metadata still matches. Once a check made more than 2 s after
/// the mtime has confirmed the content, any later write must move the mtime, so the stamp stops
/// re-hashing and goes back to metadata-only checks. A stamp whose read saw the file change under
/// it (and retries did not settle) is treated as racy too.
///
/// ## What counts as a change
/// Any metadata difference is reported as a change, even when the content is identical: a `touch`
/// or `chmod` makes ``isUnchanged()`` return `false`. Callers re-parse; a settings-level
/// fingerprint then tells whether anything really changed.
public struct FileStamp: Sendable, Hashable, CustomStringConvertible {
    /// How close (in nanoseconds) an mtime may be to the read time before the stamp counts as
    /// racy and its content is re-hashed on checks. 2 s covers FAT, HFS+ and coarse clocks.
    public static let racyWindowNanoseconds: Int64 = 2_000_000_000

    /// The path as configured (relative paths are resolved against the working directory on
    /// every check, like any `stat()`).
    public let path: String
    /// The file's metadata at read time; `nil` when the file did not exist.
    public let metadata: FileMetadata?
    /// SHA-256 of the bytes that were read; `nil` when the file did not exist.
    public let contentDigest: SHA256Digest?
    /// Wall-clock time of the read, in nanoseconds since 1970.
    public let readTimeNanoseconds: Int64
    /// `path`, then each symlink target in turn, then the canonical `realpath()`; for provenance
    /// and diagnostics (e.g. `pixel.yaml → ..data/pixel.yaml → /etc/pixel/..2026_11_25/pixel.yaml`).
    public let symlinkChain: [String]

    private let verification: Verification

    /// Whether the file existed when it was read.
    public var exists: Bool { metadata != nil }

    /// The canonical path of the file that was read, when it existed.
    public var resolvedPath: String? { exists ? symlinkChain.last : nil }

    /// Whether checks currently re-hash the content (the racy-clean rule; see the type's docs).
    public var needsContentCheck: Bool { verification.needsContentCheck.load(ordering: .relaxed) }

    /// How many times ``isUnchanged()`` had to read and hash the content (diagnostics; stays 0 for
    /// a file that was not racy when read).
    public var contentCheckCount: Int { verification.contentChecks.load(ordering: .relaxed) }

    package init(
        path: String, metadata: FileMetadata?, contentDigest: SHA256Digest?, readTimeNanoseconds: Int64,
        symlinkChain: [String], needsContentCheck: Bool
    ) {
        self.path = path
        self.metadata = metadata
        self.contentDigest = contentDigest
        self.readTimeNanoseconds = readTimeNanoseconds
        self.symlinkChain = symlinkChain
        self.verification = Verification(needsContentCheck: needsContentCheck && metadata != nil, mayWatch: path.hasPrefix("/"))
    }

    /// `true` when the file is still exactly what was read (or still absent).
    ///
    /// Costs one `stat()` (about a microsecond); a racy stamp also reads and hashes the file.
    /// Never throws: a file that cannot be examined any more counts as changed, so the caller
    /// reads it again and gets the real error.
    public func isUnchanged() -> Bool {
        isUnchanged(monitor: DirectoryChangeMonitor.shared, poll: nil)
    }

    /// Whether a full check has confirmed the file with inotify watches in place, so that checks
    /// can be answered by the change monitor (diagnostics and tests).
    package var isConfirmedByMonitor: Bool { verification.hasBaseline }

    /// The check with the change monitor injected (`nil`: `stat()` only) and, for callers that
    /// check several stamps at once, one poll shared between them.
    package func isUnchanged(monitor: DirectoryChangeMonitor?, poll: DirectoryChangeMonitor.Poll?) -> Bool {
        guard let monitor, verification.mayWatch else { return isUnchangedByStatus() }
        let poll = poll ?? monitor.poll()
        if poll.isExclusive, verification.trusts(generation: poll.generation, now: POSIX.coarseMonotonicNanoseconds()) {
            return true
        }
        return confirmWatching(monitor)
    }

    /// The full check, run with the directories watched so that a confirmation can become the
    /// baseline for later polls: watches first, then the poll whose generation becomes the
    /// baseline, then `stat()`. Any change after that poll is seen by the `stat()` or bumps the
    /// generation.
    private func confirmWatching(_ monitor: DirectoryChangeMonitor) -> Bool {
        guard let watches = verification.watches(monitor: monitor, directories: watchedDirectories) else {
            return isUnchangedByStatus()
        }
        let before = monitor.poll()
        let started = POSIX.coarseMonotonicNanoseconds()
        let unchanged = isUnchangedByStatus()
        if unchanged, before.isExclusive, monitor.areActive(watches) {
            verification.setBaseline(generation: before.generation, at: started)
        }
        return unchanged
    }

    /// The directory of every path in the symlink chain: where a rename, swap, creation or
    /// edit of this file shows up as an inotify event.
    private var watchedDirectories: [String] {
        var directories: [String] = []
        for element in symlinkChain {
            guard let slash = element.utf8.lastIndex(of: UInt8(ascii: "/")) else { continue }
            let directory = slash == element.utf8.startIndex ? "/" : String(element[..<slash])
            if !directories.contains(directory) { directories.append(directory) }
        }
        return directories
    }

    /// The `stat()` check, including the racy-clean re-hash.
    private func isUnchangedByStatus() -> Bool {
        // The clock is read before `stat()` so that promotion out of the racy state is judged on
        // a time no later than the metadata it trusts.
        let now = needsContentCheck ? POSIX.wallClockNanoseconds() : 0
        return isUnchanged(observed: POSIX.status(path: path), now: now)
    }

    /// The decision behind ``isUnchanged()``, with the observation injected (tests simulate a
    /// filesystem whose timestamps did not move).
    package func isUnchanged(observed: POSIX.StatResult, now: Int64) -> Bool {
        switch (metadata, observed) {
        case (nil, .absent):
            return true
        case (nil, _), (_, .absent), (_, .failed):
            return false
        case (let recorded?, .present(let current)):
            guard recorded == current else { return false }
            guard needsContentCheck else { return true }
            return contentStillMatches(recorded, now: now)
        }
    }

    private func contentStillMatches(_ recorded: FileMetadata, now: Int64) -> Bool {
        verification.contentChecks.add(1, ordering: .relaxed)
        guard let contentDigest,
            case .success(let (bytes?, _)) = Self.readContents(path: path, limit: Int(recorded.size)),
            SHA256.hash(data: bytes) == contentDigest
        else { return false }
        if now - recorded.modificationTimeNanoseconds > Self.racyWindowNanoseconds {
            verification.needsContentCheck.store(false, ordering: .relaxed)
        }
        return true
    }

    /// `path (absent)` or `path (inode …, … bytes, mtime …ns)`.
    public var description: String {
        guard let metadata else { return "\(path) (absent)" }
        return "\(path) (device \(metadata.device), inode \(metadata.inode), \(metadata.size) bytes, "
            + "mtime \(metadata.modificationTimeNanoseconds)ns, ctime \(metadata.statusChangeTimeNanoseconds)ns)"
    }

    /// Equal stamps describe the same observation of the same path; the racy-check state and the
    /// read time are not part of it.
    public static func == (lhs: FileStamp, rhs: FileStamp) -> Bool {
        lhs.path == rhs.path && lhs.metadata == rhs.metadata && lhs.contentDigest == rhs.contentDigest
            && lhs.symlinkChain == rhs.symlinkChain
    }

    /// Hashes what `==` compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(metadata)
        hasher.combine(contentDigest)
        hasher.combine(symlinkChain)
    }
}

extension FileStamp {
    /// Mutable check state shared by all copies of one stamp: copies of a stamp describe one
    /// observation, so a promotion out of the racy state applies to all of them.
    private final class Verification: Sendable {
        let needsContentCheck: Atomic<Bool>
        let contentChecks = Atomic<Int>(0)
        /// The monitor generation at which a full check last confirmed the file (0: none yet).
        private let baseline = Atomic<UInt64>(0)
        private let baselineTime = Atomic<Int64>(0)
        private let watchState: NIOLockedValueBox<WatchState>
        private let watchable: Atomic<Bool>

        private enum WatchState {
            case unregistered
            case watching([Int32])
            case unwatchable
        }

        init(needsContentCheck: Bool, mayWatch: Bool) {
            self.needsContentCheck = Atomic(needsContentCheck)
            self.watchable = Atomic(mayWatch)
            self.watchState = NIOLockedValueBox(mayWatch ? .unregistered : .unwatchable)
        }

        /// Whether inotify may stand in for `stat()` (absolute path, watches could be added).
        var mayWatch: Bool { watchable.load(ordering: .relaxed) }

        func trusts(generation: UInt64, now: Int64) -> Bool {
            baseline.load(ordering: .acquiring) == generation
                && now - baselineTime.load(ordering: .relaxed) < DirectoryChangeMonitor.maximumTrustNanoseconds
        }

        var hasBaseline: Bool { baseline.load(ordering: .relaxed) != 0 }

        func setBaseline(generation: UInt64, at time: Int64) {
            baselineTime.store(time, ordering: .relaxed)
            baseline.store(generation, ordering: .releasing)
        }

        /// The registered watches, registering them (again, if the kernel dropped one) when
        /// needed; `nil` when the directories cannot be watched, which is then remembered.
        func watches(monitor: DirectoryChangeMonitor, directories: [String]) -> [Int32]? {
            let state = watchState.withLockedValue { $0 }
            switch state {
            case .unwatchable:
                return nil
            case .watching(let watches) where monitor.areActive(watches):
                return watches
            case .watching, .unregistered:
                break
            }
            // Registration makes syscalls, so it runs outside the lock; two threads registering
            // at once add the same watches, which inotify merges.
            guard let watches = monitor.watch(directories: directories) else {
                watchable.store(false, ordering: .relaxed)
                watchState.withLockedValue { $0 = .unwatchable }
                return nil
            }
            watchState.withLockedValue { $0 = .watching(watches) }
            return watches
        }
    }
}
