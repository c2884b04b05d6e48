internal import CSandbox
import Foundation
import Glibc

/// The one working directory a worker's programs run in, one after another: created once inside the worker's
/// folder and emptied between programs. Keeping it lets the Landlock ruleset that confines programs to it (and to
/// read-only system folders) be built once per worker: a child then only enforces it, instead of opening every
/// folder again.
final class ProgramDirectory {
    let path: String
    /// `path` as a C string, built once: nothing is allocated between fork and the program.
    let pathBytes: [CChar]
    /// The Landlock ruleset children enforce, or -1 when Landlock is off or refused.
    private(set) var ruleset: Int32 = -1
    private(set) var landlockABI: Int32 = 0
    private var inode: ino_t = 0
    /// The folder the worker made for itself when the harness gave none.
    private let ownFolder: String?
    private let configuration: WorkerConfiguration
    private let readable: [String]

    init(configuration: WorkerConfiguration) {
        self.configuration = configuration
        if let given = configuration.workerDirectory {
            ownFolder = nil
            path = given + "/program"
        } else {
            ownFolder = Self.makeFolder(in: configuration.temporaryRoot)
            path = (ownFolder ?? configuration.temporaryRoot + "/crucible-program-\(getpid())") + "/program"
        }
        pathBytes = Array(path.utf8CString)
        readable = SandboxChild.systemReadable + configuration.pythonPaths + configuration.readablePaths
    }

    /// Makes the directory ready for the next program: present, empty, owned by the sandbox user and private to
    /// it; false when that is impossible.
    func reset() -> Bool {
        var info = stat()
        if lstat(path, &info) != 0 || info.st_mode & S_IFMT != S_IFDIR {
            unlink(path)
            guard mkdir(path, 0o700) == 0, lstat(path, &info) == 0 else { return false }
        } else {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            for entry in entries { try? FileManager.default.removeItem(atPath: path + "/" + entry) }
            guard (try? FileManager.default.contentsOfDirectory(atPath: path).isEmpty) == true else { return false }
        }
        if let user = configuration.sandboxUser, getuid() == 0 {
            guard chown(path, user, user) == 0 else { return false }
        }
        // The previous program owned it and may have changed its mode.
        chmod(path, 0o700)
        if info.st_ino != inode {
            inode = info.st_ino
            buildRuleset()
        }
        return true
    }

    /// Removes the directory, and the worker's folder when the worker made that itself.
    func remove() {
        try? FileManager.default.removeItem(atPath: path)
        if let ownFolder { try? FileManager.default.removeItem(atPath: ownFolder) }
    }

    /// Read-only access beneath the readable folders, read and write on `/dev/null`, everything beneath the
    /// program directory; nothing else.
    private func buildRuleset() {
        if ruleset >= 0 { close(ruleset) }
        ruleset = -1
        landlockABI = 0
        guard configuration.confineFilesystem else { return }
        let abi = crucible_landlock_abi()
        guard abi > 0 else { return }
        let created = crucible_landlock_create(abi)
        guard created >= 0 else { return }
        // Far above the descriptors a child rearranges (0-3), so that it survives until the child enforces it.
        let descriptor = fcntl(created, F_DUPFD_CLOEXEC, 100)
        close(created)
        guard descriptor >= 0 else { return }
        let read = crucible_landlock_read_access()
        for folder in readable { _ = crucible_landlock_allow(descriptor, folder, read) }
        _ = crucible_landlock_allow(descriptor, "/dev/null", crucible_landlock_file_access())
        guard crucible_landlock_allow(descriptor, path, crucible_landlock_all_access(abi)) == 0 else {
            close(descriptor)
            return
        }
        ruleset = descriptor
        landlockABI = abi
    }

    /// A new worker folder under `root` (the harness makes one per worker; a worker run alone makes its own).
    static func makeFolder(in root: String) -> String? {
        var template = Array("\(root)/crucible-worker-XXXXXX".utf8CString)
        guard mkdtemp(&template) != nil else { return nil }
        // Programs' users must be able to pass through it to their own directory.
        chmod(template, 0o711)
        return String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
