import Foundation
@testable import Settings
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// With the inotify change monitor, a stamp confirmed once answers later checks from one poll;
/// every change scenario must still be seen after that point, including the ones a `stat()` of
/// the file alone would miss (an ancestor directory renamed away, a deployment symlink swapped
/// higher up the path).
@Suite(.enabled(if: DirectoryChangeMonitor.shared != nil, "inotify is Linux-only"))
struct FileChangeMonitorTests {
    private final class Sandbox {
        let path: String
        init() throws {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("monitor-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(atPath: path) }

        /// Writes `text` to `name` (creating directories) with an mtime an hour ago, so that the
        /// stamp is not racy and only the monitor or metadata can tell a change.
        @discardableResult
        func settled(_ name: String, _ text: String) throws -> String {
            let file = path + "/" + name
            try FileManager.default.createDirectory(
                atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: file))
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: file)
            return file
        }

        func symlink(_ name: String, to target: String) throws {
            try FileManager.default.createSymbolicLink(atPath: path + "/" + name, withDestinationPath: target)
        }

        /// `ln -sfn`: a new link renamed over the old one, as deployment tools and kubelet do.
        func swapSymlink(_ name: String, to target: String) throws {
            try symlink(name + ".tmp", to: target)
            #expect(rename(path + "/" + name + ".tmp", path + "/" + name) == 0)
        }
    }

    /// A monitor of this test's own, so that files other tests write meanwhile cannot bump its
    /// generation.
    private let monitor: DirectoryChangeMonitor

    init() throws {
        monitor = try #require(DirectoryChangeMonitor())
    }

    private func isUnchanged(_ stamp: FileStamp) -> Bool {
        stamp.isUnchanged(monitor: monitor, poll: nil)
    }

    /// Reads `path`; the first check confirms it with `stat()` and sets the monitor baseline.
    private func confirmedStamp(_ path: String) throws -> FileStamp {
        let stamp = try FileStamp.read(path: path).stamp
        #expect(isUnchanged(stamp))
        #expect(stamp.isConfirmedByMonitor, "a full check should have set a monitor baseline")
        #expect(isUnchanged(stamp))
        return stamp
    }

    @Test func aConfirmedRacyStampIsAnsweredByTheMonitorWithoutReHashing() throws {
        let sandbox = try Sandbox()
        let path = sandbox.path + "/pixel.yaml"
        try Data("tenant: acme\n".utf8).write(to: URL(fileURLWithPath: path))
        let stamp = try FileStamp.read(path: path).stamp
        #expect(stamp.needsContentCheck)
        #expect(isUnchanged(stamp))
        #expect(stamp.contentCheckCount == 1)
        for _ in 0..<5 { #expect(isUnchanged(stamp)) }
        #expect(stamp.isConfirmedByMonitor)
        #expect(stamp.contentCheckCount == 1, "the monitor, not a re-hash, answered")
    }

    @Test func thePublicCheckUsesTheSharedMonitor() throws {
        let sandbox = try Sandbox()
        let path = try sandbox.settled("pixel.yaml", "tenant: acme\n")
        let stamp = try FileStamp.read(path: path).stamp
        // The shared monitor sees every test's files: a check that overlaps another thread's
        // draining confirms without a baseline, so keep checking for a while.
        let deadline = ContinuousClock.now + .seconds(5)
        while !stamp.isConfirmedByMonitor && ContinuousClock.now < deadline {
            #expect(stamp.isUnchanged())
            if !stamp.isConfirmedByMonitor { usleep(1_000) }
        }
        #expect(stamp.isConfirmedByMonitor)
        try sandbox.settled("pixel.yaml", "tenant: acme, edited\n")
        #expect(!stamp.isUnchanged())
    }

    @Test func aSameSizeRewriteAfterConfirmationIsSeen() throws {
        let sandbox = try Sandbox()
        let path = try sandbox.settled("pixel.yaml", "password: one\n")
        let stamp = try confirmedStamp(path)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.write(contentsOf: Data("password: two\n".utf8))
        try handle.close()
        #expect(!isUnchanged(stamp))
    }

    @Test func anAtomicRenameOverTheFileAfterConfirmationIsSeen() throws {
        let sandbox = try Sandbox()
        let path = try sandbox.settled("pixel.yaml", "tenant: one\n")
        let stamp = try confirmedStamp(path)
        let replacement = try sandbox.settled("pixel.yaml.new", "tenant: two\n")
        #expect(rename(replacement, path) == 0)
        #expect(!isUnchanged(stamp))
    }

    @Test func aChmodAfterConfirmationIsSeen() throws {
        let sandbox = try Sandbox()
        let path = try sandbox.settled("pixel.yaml", "tenant: one\n")
        let stamp = try confirmedStamp(path)
        #expect(chmod(path, 0o600) == 0)
        #expect(!isUnchanged(stamp))
    }

    @Test func deletionAndCreationAfterConfirmationAreSeen() throws {
        let sandbox = try Sandbox()
        let path = try sandbox.settled(".env", "PIXEL_TENANT=one\n")
        let present = try confirmedStamp(path)
        let absentPath = sandbox.path + "/pixel.yaml"
        let absent = try confirmedStamp(absentPath)
        try FileManager.default.removeItem(atPath: path)
        #expect(!isUnchanged(present))
        try sandbox.settled("pixel.yaml", "tenant: new\n")
        #expect(!isUnchanged(absent))
    }

    @Test func aKubernetesDataSymlinkSwapAfterConfirmationIsSeen() throws {
        let sandbox = try Sandbox()
        try sandbox.settled("..2026_11_25_a/pixel.yaml", "tenant: one\n")
        try sandbox.settled("..2026_11_25_b/pixel.yaml", "tenant: two\n")
        try sandbox.symlink("..data", to: "..2026_11_25_a")
        try sandbox.symlink("pixel.yaml", to: "..data/pixel.yaml")
        let stamp = try confirmedStamp(sandbox.path + "/pixel.yaml")
        try sandbox.swapSymlink("..data", to: "..2026_11_25_b")
        #expect(!isUnchanged(stamp))
    }

    @Test func anEditOfTheSymlinkTargetAfterConfirmationIsSeen() throws {
        let sandbox = try Sandbox()
        let target = try sandbox.settled("releases/42/pixel.yaml", "tenant: one\n")
        try sandbox.symlink("pixel.yaml", to: "releases/42/pixel.yaml")
        let stamp = try confirmedStamp(sandbox.path + "/pixel.yaml")
        let handle = try #require(FileHandle(forWritingAtPath: target))
        try handle.write(contentsOf: Data("tenant: two\n".utf8))
        try handle.close()
        #expect(!isUnchanged(stamp))
    }

    @Test func aDeploymentSymlinkSwappedHigherUpThePathIsSeen() throws {
        // `current → releases/42` swapped to `releases/43`: nothing changes in either release
        // directory, only an entry two levels above the file.
        let sandbox = try Sandbox()
        try sandbox.settled("releases/42/config/pixel.yaml", "tenant: one\n")
        try sandbox.settled("releases/43/config/pixel.yaml", "tenant: two\n")
        try sandbox.symlink("current", to: "releases/42")
        let stamp = try confirmedStamp(sandbox.path + "/current/config/pixel.yaml")
        try sandbox.swapSymlink("current", to: "releases/43")
        #expect(!isUnchanged(stamp))
    }

    @Test func anAncestorDirectoryRenamedAwayAndReplacedIsSeen() throws {
        let sandbox = try Sandbox()
        let path = try sandbox.settled("etc/pixel/pixel.yaml", "tenant: one\n")
        let stamp = try confirmedStamp(path)
        #expect(rename(sandbox.path + "/etc", sandbox.path + "/etc.old") == 0)
        try sandbox.settled("etc/pixel/pixel.yaml", "tenant: two\n")
        #expect(!isUnchanged(stamp))
    }

    @Test func anUnrelatedFileInTheSameDirectoryCostsOneFullCheckButIsNotAChange() throws {
        let sandbox = try Sandbox()
        let path = try sandbox.settled(".env", "PIXEL_TENANT=one\n")
        let stamp = try confirmedStamp(path)
        try sandbox.settled("notes.txt", "unrelated\n")
        #expect(isUnchanged(stamp))
        #expect(isUnchanged(stamp))
        #expect(stamp.isConfirmedByMonitor)
    }

    @Test func aRelativePathIsCheckedWithStatOnly() throws {
        let stamp = try FileStamp.read(path: "no-such-relative-settings-file.yaml").stamp
        #expect(isUnchanged(stamp))
        #expect(isUnchanged(stamp))
        #expect(!stamp.isConfirmedByMonitor)
    }

    @Test func aChangeIsSeenByACheckThatStartsAfterItWhileOtherThreadsKeepDrainingEvents() throws {
        // Two threads poll this test's monitor non-stop (each drains events the other would
        // otherwise count). After every write, a check begun afterwards must report a change.
        let sandbox = try Sandbox()
        let path = sandbox.path + "/pixel.yaml"
        final class StopFlag: Sendable { let raised = Atomic(false) }
        let stop = StopFlag()
        let pollers = (0..<2).map { _ in
            Thread {
                while !stop.raised.load(ordering: .relaxed) { _ = monitor.poll() }
            }
        }
        pollers.forEach { $0.start() }
        defer { stop.raised.store(true, ordering: .relaxed) }
        var missed = 0
        for round in 0..<200 {
            try sandbox.settled("pixel.yaml", "tenant: \(round)\n")
            let stamp = try FileStamp.read(path: path).stamp
            _ = isUnchanged(stamp)
            _ = isUnchanged(stamp)
            let handle = try #require(FileHandle(forWritingAtPath: path))
            try handle.write(contentsOf: Data("tenant: X\(round)\n".utf8))
            try handle.close()
            if isUnchanged(stamp) { missed += 1 }
        }
        #expect(missed == 0)
    }
}
